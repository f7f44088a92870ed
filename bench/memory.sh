#!/usr/bin/env bash
# Memory under load and under floods meant to fill it (bench/README.md, "Memory under load"): the packaged service
# with the image's JVM flags (deploy/image-java-opts.sh) and the container's 512 MiB (-XX:MaxRAM), over N sample
# postings. Three runs, each on a fresh service:
#   load:       30 s of the cached list, 30 s of searches nobody made before (bench/unseen.lua), 30 s of the list;
#   long-words: 60 s of searches of made-up 40-letter words from one address, the default read allowance
#               (bench/long-words.lua);
#   long-keys:  60 s of small answers under 4 000 characters of an ignored parameter, the read allowance off
#               (bench/long-keys.lua), as many addresses would send them.
# Prints per run the requests answered, the collections under load, the heap after the last one, and the resident
# memory 8 s after; or that the service exited, and why.
#
#   bash bench/memory.sh [positions, default 200]   (BENCH_RUNS picks runs, default "load long-words long-keys")
set -euo pipefail
cd "$(dirname "$0")/.."

positions=${1:-200}
port=8095
schema=jobs_memory
source bench/lib.sh
gc_log=$work/gc.log
limit=$(grep -A3 "limits:" deploy/kubernetes/kubernetes.yml | sed -n 's/.*memory: \([0-9]*\)Mi/\1/p' | head -n 1)
java_opts="$(image_java_opts) -XX:MaxRAM=${limit}m -Xlog:gc:file=$gc_log"
export MALLOC_ARENA_MAX=2
echo "memory: $positions postings, ${limit} MiB, JVM flags: $java_opts"

rate() { awk '/Requests\/sec/ {print int($2)}'; }

# After a run: the collections since line $1 of the log, the heap after the last, the RSS; or how the service ended.
report() {
  local label=$1 from=$2 answered=$3
  sleep 8
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "$label: $answered; the service exited: $(grep -m1 -o 'Terminating due to .*' "$work/service.log" || echo '?')"
    pid=
    return
  fi
  local young full pause heap rss
  young=$(tail -n +"$((from + 1))" "$gc_log" | grep -c "Pause Young" || true)
  full=$(tail -n +"$((from + 1))" "$gc_log" | grep -c "Pause Full" || true)
  pause=$(tail -n +"$((from + 1))" "$gc_log" | grep Pause | awk '{gsub("ms", "", $NF); s += $NF} END {printf "%d", s}')
  heap=$(grep Pause "$gc_log" | tail -n 1 | grep -o '[0-9]*M->[0-9]*M([0-9]*M)')
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  echo "$label: $answered; under load $young young and $full full collections, ${pause} ms of pauses;" \
    "heap at the last $heap; RSS $rss MB"
  stop_service
}

for run in ${BENCH_RUNS:-load long-words long-keys}; do
  case $run in
    load)
      start_service JOBS_RATE_LIMIT_READS_PER_MINUTE=1000000000
      from=$(wc -l <"$gc_log")
      list1=$(wrk -t2 -c64 -d30s "http://localhost:$port/api/v1/positions" | rate)
      unseen=$(wrk -t2 -c64 -d30s -s bench/unseen.lua "http://localhost:$port" | rate)
      list2=$(wrk -t2 -c64 -d30s "http://localhost:$port/api/v1/positions" | rate)
      report "load" "$from" "list $list1, unseen searches $unseen, list $list2 req/s"
      ;;
    long-words)
      start_service JOBS_WARM_UP_DURATION=0s
      from=$(wc -l <"$gc_log")
      answered=$(wrk -t2 -c8 -d60s -s bench/long-words.lua "http://localhost:$port" | awk '/requests in/ {print $1}')
      report "long-words" "$from" "$answered requests in 60 s"
      ;;
    long-keys)
      start_service JOBS_WARM_UP_DURATION=0s JOBS_RATE_LIMIT_READS_PER_MINUTE=1000000000
      from=$(wc -l <"$gc_log")
      answered=$(wrk -t2 -c16 -d60s -s bench/long-keys.lua "http://localhost:$port" | awk '/requests in/ {print $1}')
      report "long-keys" "$from" "$answered requests in 60 s"
      ;;
  esac
done
