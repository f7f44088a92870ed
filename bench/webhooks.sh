#!/usr/bin/env bash
# Webhook delivery bench (bench/README.md, "Webhooks"): two replicas of the packaged service over a PostgreSQL of
# their own, N webhooks (default 50) to one receiver on this machine, postings written through both replicas at a
# steady rate (default 1 000 a minute). Prints the time from each event's write to its webhook's 2xx (p50 ... max)
# and the deliveries a second. The receiver answers at once: this measures the service, not a receiver.
#
# Usage: bash bench/webhooks.sh [webhooks, default 50] [events a minute, default 1000] [seconds, default 120]
set -euo pipefail
cd "$(dirname "$0")/.."

WEBHOOKS=${1:-50}
RATE=${2:-1000}
SECONDS_RUN=${3:-120}
PG_PORT=${BENCH_PG_PORT:-5497}
PORTS=(8093 8094)
RECEIVER_PORT=8092
KEY=webhook-bench-admin-key
WORK=$(mktemp -d /tmp/jobs-webhook-bench.XXXXXX)
chmod 755 "$WORK"
source deploy/fault/lib.sh

pids=()
cleanup() {
  for pid in "${pids[@]}"; do end_service "$pid"; done
  pg_down
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
pg_up
for i in 0 1; do
  start_jobs "${PORTS[$i]}" "$WORK/replica-$i.log" JOBS_SAMPLE_POSITIONS=50 "${WEBHOOK_ENV[@]}" \
    ${BENCH_JAVA_OPTS:+JAVA_TOOL_OPTIONS="$BENCH_JAVA_OPTS"}
  pids[$i]=$started_pid
done
echo "bench: $(nproc) cores, replicas on ${PORTS[*]}, PostgreSQL $("$BIN/postgres" --version | awk '{print $3}')"
java bench/WebhookBench.java "$RECEIVER_PORT" "http://127.0.0.1:${PORTS[0]},http://127.0.0.1:${PORTS[1]}" "$KEY" \
  "$WEBHOOKS" "$RATE" "$SECONDS_RUN"
