#!/usr/bin/env bash
# Webhook fault test (deploy/README.md, "Webhook fault test"): two replicas of the packaged service over a
# PostgreSQL of their own deliver five webhooks to one receiver while postings are written through both. The
# receiver is down for 60 s, answers 500s, answers slowly; then the replica holding webhooks is killed (SIGKILL)
# mid-delivery. After each case every webhook must have accepted every event of the feed, in feed order, with
# nothing sent before the event ahead of it was accepted and nothing accepted twice but the killed replica's one
# event in flight; the survivor must take over within 30 s. Prints each case's figures, exits non-zero on a fault.
#
# Usage: bash deploy/webhook-fault-test.sh
# Needs: Debian's PostgreSQL 15 binaries (deploy/local-postgres.sh installs them) and a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${WEBHOOK_FAULT_PG_PORT:-5498}
PORTS=(${WEBHOOK_FAULT_APP_PORTS:-8097 8098})
RECEIVER_PORT=${WEBHOOK_FAULT_RECEIVER_PORT:-8096}
KEY=webhook-fault-admin-key
WORK=$(mktemp -d /tmp/jobs-webhook-fault.XXXXXX)
chmod 755 "$WORK"
source deploy/fault/lib.sh

pids=()
cleanup() {
  for pid in "${pids[@]}"; do end_service "$pid"; done
  pg_down
  mkdir -p target
  for i in 0 1; do cp "$WORK/replica-$i.log" "target/webhook-fault-replica-$i.log" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "webhook fault: building the service"
  ./mvnw -q -B package -DskipTests
fi

echo "webhook fault: a PostgreSQL of its own on port $PG_PORT ($WORK/pg)"
pg_up

start_replica() {
  start_jobs "${PORTS[$1]}" "$WORK/replica-$1.log" JOBS_SAMPLE_POSITIONS=50 "${WEBHOOK_ENV[@]}"
  pids[$1]=$started_pid
}
# One after the other: both would run the migrations at once otherwise (Flyway's lock makes that safe, but slow).
start_replica 0
start_replica 1
echo "webhook fault: replicas on ports ${PORTS[*]} (pids ${pids[*]}), receiver on $RECEIVER_PORT"

# SIGKILL to the replica that holds a webhook's advisory lock (pg_locks; "whk" = 7825515 is the lock's first
# key): the backend's client port, then the replica's socket of that local port in /proc.
kill_holder() {
  local port hex inode pid
  for port in $(psql_fault "SELECT a.client_port FROM pg_locks l JOIN pg_stat_activity a USING (pid)
                            WHERE l.locktype = 'advisory' AND l.classid = 7825515 AND l.granted"); do
    hex=$(printf '%04X' "$port")
    inode=$(awk -v p=":$hex" '$2 ~ p"$" {print $10}' /proc/net/tcp /proc/net/tcp6 | head -n 1)
    for pid in $REPLICA_PIDS; do
      if ls -l "/proc/$pid/fd" 2>/dev/null | grep -q "socket:\[$inode\]"; then
        kill -9 "$pid"
        echo "  SIGKILL to replica pid $pid (its connection on port $port held a webhook's lock)"
        return 0
      fi
    done
  done
  return 1
}
export -f kill_holder as_pg psql_fault
export BIN WORK PG_PORT REPLICA_PIDS="${pids[*]}"

status=0
java deploy/fault/WebhookFaultRun.java "$RECEIVER_PORT" \
  "http://127.0.0.1:${PORTS[0]},http://127.0.0.1:${PORTS[1]}" "$KEY" kill_holder 5 || status=1

echo "webhook fault: what the replicas logged at ERROR"
grep -h "ERROR" "$WORK"/replica-*.log | cut -c1-200 || true
[ "$status" = 0 ] && echo "webhook fault: PASS" || echo "webhook fault: FAIL"
exit "$status"
