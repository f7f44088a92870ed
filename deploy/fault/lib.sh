# Sourced by the fault tests: a throwaway PostgreSQL of their own, in $WORK/pg on $PG_PORT, from Debian's
# PostgreSQL binaries (deploy/local-postgres.sh installs them). Sets start_db and stop_db (commands, for eval).
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_up() {
  [ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
  as_pg "$BIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null
  start_db="$(printf '%q ' as_pg "$BIN/pg_ctl" -D "$WORK/pg" -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" -l "$WORK/pg.log" -w start)"
  stop_db="$(printf '%q ' as_pg "$BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop)"
  eval "$start_db" >/dev/null
}

pg_down() { as_pg "$BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true; }

psql_fault() { as_pg "$BIN/psql" -h "$WORK" -p "$PG_PORT" -U postgres -Atc "$1"; }

# Ends a service: SIGTERM, its shutdown delay, then SIGKILL (one that outlives it would hold its port).
end_service() {
  local pid=$1
  if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

# Waits until the service on the port is ready (its warm-up, JOBS_WARM_UP_DURATION, included), or fails showing its log.
await_ready() {
  local port=$1 log=$2
  for _ in $(seq 1 360); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null && return 0
    sleep 0.25
  done
  echo "fault: the service on port $port did not become ready"; tail -n 40 "$log"; exit 1
}

# Starts the packaged service on a port over that PostgreSQL, with sample data, the admin key $KEY, rate limits out of
# the way and a warm-up of 20 s (not until the JIT settles: two replicas warming at once on two cores may not within
# the wait above), plus any VAR=value given; sets started_pid once it is ready.
start_jobs() {
  local port=$1 log=$2
  shift 2
  env QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
    JOBS_SAMPLE_DATA=true JOBS_BOOTSTRAP_EDITOR_KEY="$KEY" \
    JOBS_RATE_LIMIT_WRITES_PER_MINUTE=100000 JOBS_RATE_LIMIT_FEED_READS_PER_MINUTE=100000 \
    JOBS_RATE_LIMIT_READS_PER_MINUTE=1000000 JOBS_RATE_LIMIT_CLIENT_READS_PER_MINUTE=1000000 \
    JOBS_WARM_UP_MAX_DURATION=20s "$@" java -jar target/quarkus-app/quarkus-run.jar >>"$log" 2>&1 &
  started_pid=$!
  await_ready "$port" "$log"
}

# The webhook settings of the webhook fault test and bench: a fixed key, the receiver on this machine, and
# retries a second or a few apart (the spec's 5 s, 5 min, ... would outlast them) that outlast a 60 s outage.
WEBHOOK_ENV=(
  JOBS_WEBHOOKS_SECRET_KEY=d2ViaG9vay1mYXVsdC10ZXN0LWtleS0zMi1ieXRlcyE=
  JOBS_WEBHOOKS_ALLOW_PRIVATE=true
  JOBS_WEBHOOKS_RETRY_SCHEDULE=1s,1s,2s,2s,3s,3s,5s,5s,5s,5s,5s,5s,5s,5s,5s,5s,5s,5s,5s,5s,5s,5s
)
