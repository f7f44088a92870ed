#!/usr/bin/env bash
# A fair share under a flood (bench/README.md, "Flood"): one address floods the service with searches nobody made
# before (random six-letter words, 64 connections) while another reads the cached list (32 connections). Both
# come through X-Forwarded-For from this machine, trusted as the Ingress would be. Measures the cached reader
# alone and flooded, alternately, first with the read limits off (the service before them) and then with the
# defaults, and prints the flooded share of its throughput and what the flooder was answered.
#
#   bash bench/flood.sh [positions, default 200] [seconds per run, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."

positions=${1:-200}
seconds=${2:-15}
port=8095
schema=jobs_flood
reader=203.0.113.2
source bench/lib.sh

# The cached reader: req/s of a run (wrk -t1 -c32), optionally beside the flooder.
read_cached() {
  wrk -t1 -c32 -d"${seconds}s" -H "X-Forwarded-For: $reader" "http://localhost:$port/api/v1/positions" \
    | awk '/Requests\/sec/ {print int($2)}'
}
flood() {
  FLOOD_ADDRESS=203.0.113.1 wrk -t1 -c64 -d"$1" -s bench/flood.lua "http://localhost:$port" >"$work/flood.txt"
}

measure() {
  local label=$1
  # Warm-up: both paths compiled before anything is measured (the cached list alone, then both).
  wrk -t1 -c32 -d30s -H "X-Forwarded-For: $reader" "http://localhost:$port/api/v1/positions" >/dev/null
  flood 30s &
  local flooding=$!
  wrk -t1 -c32 -d30s -H "X-Forwarded-For: $reader" "http://localhost:$port/api/v1/positions" >/dev/null
  wait "$flooding"
  sleep 61 # the flooder's allowance whole again
  local alone=() flooded=()
  for round in 1 2 3; do
    alone+=("$(read_cached)")
    flood "$((seconds + 2))s" &
    flooding=$!
    sleep 1
    flooded+=("$(read_cached)")
    wait "$flooding"
    echo "  $label, round $round: cached list alone ${alone[-1]} req/s, flooded ${flooded[-1]} req/s ($(awk -v a="${alone[-1]}" -v f="${flooded[-1]}" 'BEGIN {printf "%.2f", f / a}') of alone); $(grep 'flooder answers' "$work/flood.txt"), $(awk '/Requests\/sec/ {print int($2)}' "$work/flood.txt") req/s"
  done
  echo "  $label: flooded, the cached list kept $(printf '%s\n' "${alone[@]}" "${flooded[@]}" | awk -v n=${#alone[@]} 'NR <= n {a += $1} NR > n {f += $1} END {printf "%.2f", f / a}') of its throughput alone (all rounds; target at least 0.70)"
}

echo "flood bench: $(nproc) cores, $positions postings, ${seconds} s a run"
start_service JOBS_RATE_LIMIT_TRUSTED_PROXIES=127.0.0.1 JOBS_RATE_LIMIT_READS_PER_MINUTE=1000000000 JOBS_RATE_LIMIT_READS_AT_ONCE=10000
measure "limits off"
stop_service
start_service JOBS_RATE_LIMIT_TRUSTED_PROXIES=127.0.0.1
measure "defaults (1 200 reads a minute an address, 8 at once)"
stop_service
