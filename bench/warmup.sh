#!/usr/bin/env bash
# Time to peak (bench/README.md, "Time to peak"): how soon after readiness a new replica reaches 80 % of its
# steady throughput under load. Starts the packaged service (JAVA_OPTS as the image's, or BENCH_JAVA_OPTS) over
# N sample postings, and from the moment /q/health/ready answers UP runs wrk back to back in 2-second slices for
# a while; steady = the median of the last five slices; time to peak = the end of the first slice at 80 % of it.
# Once for the cached list, once for the detail of random postings with the response cache off; each without the
# replica's warm-up before readiness and with it (BENCH_WARM_UPS="0s default" by default; BENCH_CASES="list detail"
# by default).
#
#   bash bench/warmup.sh [positions, default 200] [seconds of load, default 120]
set -euo pipefail
cd "$(dirname "$0")/.."

positions=${1:-200}
seconds=${2:-120}
port=8096
schema=jobs_warmup
slice=2
source bench/lib.sh
# The image's JVM flags, unless told otherwise.
java_opts=${BENCH_JAVA_OPTS-$(image_java_opts)}

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
# Each case without the warm-up before readiness (JOBS_WARM_UP_DURATION=0s) and with the default.
for warm_up in ${BENCH_WARM_UPS:-0s default}; do
  setting=()
  [ "$warm_up" != default ] && setting=(JOBS_WARM_UP_DURATION="$warm_up")
  echo "warm-up before readiness: $warm_up"
  if [[ " ${BENCH_CASES:-list detail} " == *" list "* ]]; then
    start_service JOBS_RATE_LIMIT_READS_PER_MINUTE=1000000000 "${setting[@]}"
    echo "  ready $ready_after_ms ms after launch"
    run "cached list" "http://localhost:$port/api/v1/positions"
    stop_service
  fi
  if [[ " ${BENCH_CASES:-list detail} " == *" detail "* ]]; then
    start_service JOBS_RATE_LIMIT_READS_PER_MINUTE=1000000000 JOBS_RESPONSE_CACHE_ENABLED=false "${setting[@]}"
    echo "  ready $ready_after_ms ms after launch"
    DETAIL_MAX_ID=$positions run "uncached detail" -s bench/detail-random.lua "http://localhost:$port"
    stop_service
  fi
done
