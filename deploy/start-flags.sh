#!/usr/bin/env bash
# JVM flags weighed for the start (deploy/README.md, "Start and memory"): the packaged service started as a replica
# starts it (the image's flags from deploy/image-java-opts.sh, its class-data archive as deploy/start-memory.sh made
# it, the container's 512 MiB, no migration), plain and with each set of extra flags given, alternating. Prints per
# start the time to the first 200 from /q/health/started and the garbage collections until then; then the medians.
#
# Usage: bash deploy/start-flags.sh RUNS "EXTRA FLAGS" ["OTHER EXTRA FLAGS" ...]
#   e.g. bash deploy/start-flags.sh 5 "-XX:CICompilerCount=2" "-XX:InitialRAMPercentage=10"
# Needs: PostgreSQL on 127.0.0.1:5432 with the schema jobs_start migrated, and target/app-cds.jsa (both left by
# deploy/start-memory.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=$1
shift
port=${START_PORT:-8098}
archive=target/app-cds.jsa
[ -f "$archive" ] || { echo "start-flags: no $archive; run deploy/start-memory.sh first" >&2; exit 1; }
limit=$(grep -A3 "limits:" deploy/kubernetes/kubernetes.yml | sed -n 's/.*memory: \([0-9]*\)Mi/\1/p' | head -n 1)
image_flags="$(bash deploy/image-java-opts.sh "$archive") -XX:MaxRAM=${limit}m"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One start with extra flags $1: prints "<ms to started> <collections> <full collections> <pause ms>".
start_once() {
  local t0 pid
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_FLYWAY_ACTIVE=false QUARKUS_SHUTDOWN_DELAY=0S \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=jobs_start" \
  QUARKUS_OTEL_SDK_DISABLED=true MALLOC_ARENA_MAX=2 \
    java $image_flags $1 -Xlog:gc:file="$work/gc.log" -jar target/quarkus-app/quarkus-run.jar >"$work/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/q/health/started" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "start-flags: the service died" >&2; cat "$work/log" >&2; exit 1; }
    sleep 0.01
  done
  local ms=$((($(date +%s%N) - t0) / 1000000))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$ms $(grep -c Pause "$work/gc.log") $(grep -c 'Pause Full' "$work/gc.log")" \
    "$(grep Pause "$work/gc.log" | awk '{gsub("ms", "", $NF); s += $NF} END {printf "%d", s}')"
}

variants=("" "$@")
declare -A started
for i in $(seq 1 "$runs"); do
  for v in "${!variants[@]}"; do
    read -r ms gcs full pause < <(start_once "${variants[$v]}")
    printf "run %d %-40s started %5d ms  %3d collections (%d full, %d ms)\n" "$i" "${variants[$v]:-(image flags)}" \
      "$ms" "$gcs" "$full" "$pause"
    started[$v]+="$ms"$'\n'
  done
done
for v in "${!variants[@]}"; do
  printf "median %-40s started %5d ms\n" "${variants[$v]:-(image flags)}" \
    "$(printf '%s' "${started[$v]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')"
done
