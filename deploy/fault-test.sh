#!/usr/bin/env bash
# Fault test (deploy/README.md, "Fault test"): the packaged service over a PostgreSQL of its own, under a
# mixed read and write load. PostgreSQL is stopped, left down for a while, and started again; then the
# service is sent SIGTERM under the same load. Prints the answers by phase and status, how long recovery
# took, whether shutdown was graceful, and whether every write answered 201 is present and in the change
# feed. Exits non-zero on a 500, a lost or doubled write, an unanswered request, a recovery slower than
# 5 s or an ungraceful shutdown.
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
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
WORK=$(mktemp -d /tmp/jobs-fault.XXXXXX)
chmod 755 "$WORK"

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

service_pid=
cleanup() {
  # The service ends within its shutdown delay; one that outlives it would hold the port for the next run.
  if [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null; then
    for _ in $(seq 1 60); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$service_pid" 2>/dev/null || true
  fi
  as_pg "$BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  mkdir -p target && cp "$WORK/service.log" target/fault-test-service.log 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "fault: building the service"
  ./mvnw -q -B package -DskipTests
fi

echo "fault: a PostgreSQL of its own on port $PG_PORT ($WORK/pg)"
[ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
as_pg "$BIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null
start_db="$(printf '%q ' as_pg "$BIN/pg_ctl" -D "$WORK/pg" -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" -l "$WORK/pg.log" -w start)"
stop_db="$(printf '%q ' as_pg "$BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop)"
eval "$start_db" >/dev/null

start_service() {
  QUARKUS_HTTP_PORT=$APP_PORT \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
  JOBS_SAMPLE_DATA=true JOBS_SAMPLE_POSITIONS=500 \
  JOBS_BOOTSTRAP_EDITOR_KEY=$KEY \
  JOBS_RATE_LIMIT_WRITES_PER_MINUTE=100000 JOBS_RATE_LIMIT_FEED_READS_PER_MINUTE=100000 \
    java -jar target/quarkus-app/quarkus-run.jar >>"$WORK/service.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null && return 0
    sleep 0.25
  done
  echo "fault: the service did not become ready"; tail -n 40 "$WORK/service.log"; exit 1
}
start_service

export -f as_pg
status=0
echo "fault: load for 5 s, PostgreSQL down for ${OUTAGE} s, back for 10 s, then SIGTERM under load"
java deploy/fault/FaultRun.java load "http://127.0.0.1:$APP_PORT" "$KEY" "$service_pid" \
  "$stop_db" "$start_db" "$MAX_RECOVERY" "$OUTAGE" "$WORK/written.tsv" || status=1
wait "$service_pid" 2>/dev/null || true
service_pid=

echo "fault: service restarted to check the writes"
start_service
java deploy/fault/FaultRun.java verify "http://127.0.0.1:$APP_PORT" "$KEY" "$WORK/written.tsv" || status=1
doubled=$(as_pg "$BIN/psql" -h "$WORK" -p "$PG_PORT" -U postgres -Atc \
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
