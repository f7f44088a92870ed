#!/usr/bin/env bash
# Time to peak (bench/README.md, "Time to peak"): how soon after readiness a new replica reaches 80 % of its
# steady throughput under load. Starts the packaged service (JAVA_OPTS as the image's, or BENCH_JAVA_OPTS) over
# N sample postings, and from the moment /q/health/ready answers UP runs wrk back to back in 2-second slices for
# a while; steady = the median of the last five slices; time to peak = the end of the first slice at 80 % of it.
# Once for the cached list, once for the detail of random postings with the response cache off.
#
#   bash bench/warmup.sh [positions, default 200] [seconds of load, default 120]
set -euo pipefail
cd "$(dirname "$0")/.."

positions=${1:-200}
seconds=${2:-120}
port=8096
schema=jobs_warmup
slice=2
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
# The image's JVM flags (src/main/docker/Dockerfile.jvm) but its class-data archive, unless told otherwise.
java_opts=${BENCH_JAVA_OPTS-$(sed -n 's/^ENV JAVA_OPTS_APPEND="\(.*\)"$/\1/p' src/main/docker/Dockerfile.jvm \
  | sed 's/-XX:SharedArchiveFile=[^ ]* //')}
psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $schema CASCADE"

start() {
  # shellcheck disable=SC2086
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=$schema" \
    QUARKUS_FLYWAY_SCHEMAS=$schema QUARKUS_HTTP_PORT=$port JOBS_SAMPLE_DATA=true JOBS_SAMPLE_POSITIONS="$positions" \
    JOBS_RATE_LIMIT_READS_PER_MINUTE=1000000000 "$@" java $java_opts -jar target/quarkus-app/quarkus-run.jar \
    >"$work/service.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    curl -sf "localhost:$port/q/health/ready" >/dev/null && return 0
    sleep 0.05
  done
  echo "the service did not start"; tail -n 30 "$work/service.log"; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

# run LABEL WRK-ARGS...: the slices from readiness on, then the verdict.
run() {
  local label=$1
  shift
  local rates=()
  for _ in $(seq 1 $((seconds / slice))); do
    rates+=("$(wrk -t2 -c64 -d${slice}s "$@" | awk '/Requests\/sec/ {print int($2)}')")
  done
  local steady
  steady=$(printf '%s\n' "${rates[@]: -5}" | sort -n | sed -n 3p)
  local peak=-1
  for i in "${!rates[@]}"; do
    if [ "$((rates[i] * 10))" -ge "$((steady * 8))" ]; then
      peak=$(((i + 1) * slice))
      break
    fi
  done
  echo "  $label: req/s by ${slice}-second slice from readiness: ${rates[*]}"
  echo "  $label: steady $steady req/s; 80 % of it reached ${peak} s after readiness (target at most 30 s)"
}

echo "time to peak: $(nproc) cores, $positions postings, JVM flags: ${java_opts:-none}"
start
run "cached list" "http://localhost:$port/api/v1/positions"
stop
start JOBS_RESPONSE_CACHE_ENABLED=false
DETAIL_MAX_ID=$positions run "uncached detail" -s bench/detail-random.lua "http://localhost:$port"
stop
