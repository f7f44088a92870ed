#!/usr/bin/env bash
# Fault test (deploy/README.md, "Fault test"): the packaged service over a PostgreSQL of its own, under a
# mixed read and write load. PostgreSQL is stopped, left down for a while, and started again; then the
# service is sent SIGTERM under the same load. Prints the answers by phase and status, how long recovery
# took, whether shutdown was graceful, and whether every write answered 201 is present and in the change
# feed. Exits non-zero on a 500, a lost or doubled write, an unanswered request, fewer than 99 % of the cached
# pages answered 200 during the outage (served stale), a recovery slower than 5 s or an ungraceful shutdown.
# A request that waits 5 s for its answer makes it print the service's threads (all in target/fault-test-threads.txt).
#
# Usage: bash deploy/fault-test.sh [outage seconds, default 10]
# Needs: Debian's PostgreSQL 15 binaries (deploy/local-postgres.sh installs them) and a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."

OUTAGE=${1:-10}
MAX_RECOVERY=5
PG_PORT=${FAULT_PG_PORT:-5499}
APP_PORT=${FAULT_APP_PORT:-8099}
KEY=fault-test-editor-key
WORK=$(mktemp -d /tmp/jobs-fault.XXXXXX)
chmod 755 "$WORK"
source deploy/fault/lib.sh

service_pid=
cleanup() {
  end_service "$service_pid"
  pg_down
  mkdir -p target && cp "$WORK/service.log" target/fault-test-service.log 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "fault: building the service"
  ./mvnw -q -B package -DskipTests
fi

echo "fault: a PostgreSQL of its own on port $PG_PORT ($WORK/pg)"
pg_up

start_service() {
  start_jobs "$APP_PORT" "$WORK/service.log" JOBS_SAMPLE_POSITIONS=500
  service_pid=$started_pid
}
start_service

export -f as_pg
status=0
echo "fault: load for 5 s, PostgreSQL down for ${OUTAGE} s, back for 10 s, then SIGTERM under load"
java deploy/fault/FaultRun.java load "http://127.0.0.1:$APP_PORT" "$KEY" "$service_pid" \
  "$stop_db" "$start_db" "$MAX_RECOVERY" "$OUTAGE" "$WORK/written.tsv" target/fault-test-threads.txt || status=1
wait "$service_pid" 2>/dev/null || true
service_pid=

echo "fault: service restarted to check the writes"
start_service
java deploy/fault/FaultRun.java verify "http://127.0.0.1:$APP_PORT" "$KEY" "$WORK/written.tsv" || status=1
doubled=$(psql_fault \
  "SELECT count(*) FROM (SELECT title FROM position WHERE title LIKE 'Fault %' GROUP BY title HAVING count(*) > 1) d")
echo "writes stored twice: $doubled"
[ "$doubled" = 0 ] || status=1

echo "fault: what the service logged about the database"
grep -E "Database (unavailable|available again)|ERROR" "$WORK/service.log" | cut -c1-200 || true
outage_lines=$(grep -c "Database unavailable" "$WORK/service.log" || true)
if [ "$outage_lines" -gt 1 ]; then
  echo "FAIL: $outage_lines 'Database unavailable' lines for one outage"; status=1
fi

[ "$status" = 0 ] && echo "fault: PASS" || echo "fault: FAIL"
exit "$status"
