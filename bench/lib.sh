# Sourced by bench/flood.sh, bench/jit.sh, bench/memory.sh, bench/revalidation.sh and bench/warmup.sh: the packaged service, one at a time, on port $port over a schema
# of its own ($schema, dropped first) in this machine's PostgreSQL, with $positions sample postings. Installs wrk
# and curl when missing; image_java_opts prints the image's JVM flags. start_service [VAR=value...] starts it (with the JVM flags in $java_opts) and returns once
# it is ready ($ready_after_ms after its launch); stop_service ends it.
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2"; }; }
need wrk wrk
need curl curl
bash deploy/local-postgres.sh >/dev/null
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $schema CASCADE"

start_service() {
  local launched
  launched=$(date +%s%N)
  # shellcheck disable=SC2086
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=$schema" \
    QUARKUS_FLYWAY_SCHEMAS=$schema QUARKUS_HTTP_PORT=$port JOBS_SAMPLE_DATA=true JOBS_SAMPLE_POSITIONS="$positions" \
    "$@" java ${java_opts:-} -jar target/quarkus-app/quarkus-run.jar >"$work/service.log" 2>&1 &
  pid=$!
  # Up to 30 min: loading 100 000 sample postings takes minutes.
  for _ in $(seq 1 36000); do
    if curl -sf "localhost:$port/q/health/ready" >/dev/null; then
      ready_after_ms=$((($(date +%s%N) - launched) / 1000000)) # for the caller
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "the service did not start"; tail -n 30 "$work/service.log"; exit 1
}
stop_service() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
# The image's JVM flags as its run-java.sh puts them (deploy/image-java-opts.sh: the base image's defaults, then the
# Dockerfile's JAVA_OPTS_APPEND), without its class-data archive, which this machine has not made.
image_java_opts() {
  bash deploy/image-java-opts.sh
}
