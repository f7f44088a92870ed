#!/usr/bin/env bash
# The public read path at national scale: the 98 municipalities, 1 000 000 postings of which ~20 000 open
# (bench/national.sql, loaded by bench/national-load.sh into the schema jobs_national when it is not there yet).
# Like bench/run.sh: builds the jar, starts two instances on the schema, one with the response cache (port 8091)
# and one without (JOBS_RESPONSE_CACHE_ENABLED=false, port 8092), and for each case runs wrk against the service
# and against nginx serving the very bytes the service returned. Cases across all employers and within one
# (employer=<Aarhus Kommune>): list, search, facets, detail, the change feed and the RSS feed.
#
# Prints req/s, p50, p99, the ratio to nginx and each case's first request after start, and writes them into
# bench/README.md ("National scale"). Asserts nothing; says which of issue's targets the cache-off cases meet.
#
#   bash bench/national.sh [seconds per run]      # 10 s by default
#
# BENCH_QUICK=1 skips the JIT warm-up rounds (minutes) and warms each case for a second only: a smoke test of
# the script, not figures to quote. BENCH_SKIP_BUILD=1 uses the jar already built.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-10}
quick=${BENCH_QUICK:-0}
cached_port=8091
uncached_port=8092
nginx_port=8093
schema=jobs_national
psql="psql -X -h 127.0.0.1 -U postgres -d postgres -qAt"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  # The service takes its shutdown delay (5 s and more) to end: a run right after this one needs the ports.
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  done
  rm -rf "$work"
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2"; }; }
need wrk wrk
need nginx nginx-light
need curl curl
bash deploy/local-postgres.sh >/dev/null

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B package -DskipTests

# The loader marks a complete set in the schema's comment, with how long it took.
mark() { $psql -c "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = '$schema'"; }
if ! mark | grep -q '^national bench data set'; then
  echo "The national data set is not loaded: loading it (a few minutes)"
  bash bench/national-load.sh "$schema" | tee "$work/load.log"
fi
load=$(mark | sed -n 's/.* loaded \([0-9-]*\) in \([0-9.]*\) s$/\2 s (\1)/p')
echo "Data set: $(mark)"

# start PORT LOG [ENV=VALUE...]: the packaged service on the schema; prints how long it took to be ready.
start() {
  local port=$1 log=$2 began
  shift 2
  # Readiness would otherwise be answered by whatever holds the port (an instance of an earlier run, still ending).
  if curl -s -o /dev/null "localhost:$port/"; then
    echo "port $port is in use (an earlier run's instance still shutting down?)"
    exit 1
  fi
  began=$(date +%s.%N)
  # Anonymous feed readers are limited per address (300 a minute): wrk is one address.
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=$schema" \
    QUARKUS_FLYWAY_SCHEMAS=$schema QUARKUS_HTTP_PORT="$port" JOBS_RATE_LIMIT_FEED_READS_PER_MINUTE=1000000000 JOBS_RATE_LIMIT_READS_PER_MINUTE=1000000000 "$@" \
    java -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 1800); do
    if curl -sf "localhost:$port/q/health/ready" >/dev/null; then
      echo "Instance on $port ready in $(python3 -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$began") s" \
        "($(grep -o 'started in [0-9.]*s' "$log"))"
      # Flyway's and Hibernate's word on the schema, and anything else that is not as it should be.
      grep -E 'DbValidate|DbMigrate' "$log" | sed 's/.*(main) */  /'
      grep -E ' (WARN|ERROR) ' "$log" | grep -v 'hibernate.order_inserts' | sed 's/^/  /' || true
      return 0
    fi
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.5
  done
  echo "the service on $port did not become ready"
  exit 1
}
start $cached_port "$work/cached.log"
start $uncached_port "$work/uncached.log" JOBS_RESPONSE_CACHE_ENABLED=false

# A large municipality, and one of its open postings.
employer=$($psql -c "SET search_path = $schema; SELECT id FROM employer WHERE name = 'Aarhus Kommune'")
slug=$($psql -c "SET search_path = $schema; SELECT slug FROM position WHERE employer_id = $employer AND status = 'published'
                 AND closed_at IS NULL AND application_deadline > now() ORDER BY id DESC LIMIT 1")
counts=$($psql -F ' ' -c "SET search_path = $schema; SELECT count(*), count(*) FILTER (WHERE status = 'published'
                 AND closed_at IS NULL AND application_deadline > now()),
                 count(*) FILTER (WHERE employer_id = $employer AND status = 'published' AND closed_at IS NULL
                 AND application_deadline > now()) FROM position")
read -r positions open open_here <<<"$counts"
echo "Postings: $positions, open: $open, open at employer $employer (Aarhus Kommune): $open_here; detail: $slug"

source bench/nginx.sh
start_nginx

# wrk's report as "req/s p50_ms p99_ms non-2xx/3xx [(socket errors)]" (as in bench/run.sh).
wrk_summary=$(cat <<'PY'
import re, sys
out = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    value = float(m.group(1))
    return {"us": value / 1000, "ms": value, "s": value * 1000}[m.group(2)]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
errors = re.search(r"Socket errors: (.*)", out)
line = "%.0f %.2f %.2f %d" % (rps, ms("50%"), ms("99%"), int(bad.group(1)) if bad else 0)
print(line + (" (" + errors.group(1) + ")" if errors else ""))
PY
)

# wrk_run URL: a warm-up (3 s; 1 s with BENCH_QUICK), then the measured run. Requests slower than wrk's 2 s are
# measured too, not dropped as timeouts (all employers' facets without the cache, at 64 at once).
wrk_run() {
  local args=(-t2 -c64 -d"${seconds}s" --latency --timeout 10s)
  wrk "${args[@]}" -d"$([ "$quick" = 1 ] && echo 1 || echo 3)s" "$1" >/dev/null
  wrk "${args[@]}" "$1" | python3 -c "$wrk_summary"
}

# The public cases, across all employers and within one.
q="p%C3%A6dagog"
cases=(
  "list|/api/v1/positions"
  "list, one employer|/api/v1/positions?employer=$employer"
  "search|/api/v1/positions?q=$q"
  "search, one employer|/api/v1/positions?q=$q&employer=$employer"
  "facets|/api/v1/positions?facets=unit,agency,employer,hours"
  "facets, one employer|/api/v1/positions?employer=$employer&facets=unit,agency,hours"
  "detail|/api/v1/positions/$slug"
  "change feed|/api/v1/changes?limit=100"
  "feed, RSS|/api/v1/feeds/positions.rss"
  "feed, RSS, one employer|/api/v1/feeds/positions.rss?employer=$employer"
)

# Requests as wrk sends them: without Accept, which is part of the response cache's key (curl's "*/*" would
# fill another entry, and wrk's first 64 requests would all miss at once).
get() { curl -s -H 'Accept:' "$@"; }

# Each case's first request after start (the vocabulary, the unit tree, the first plan...), in ms.
first() {
  local port=$1 spec
  for spec in "${cases[@]}"; do
    get -o /dev/null -w "%{time_total}\n" "localhost:$port${spec#*|}" | awk '{ printf "%.0f\n", $1 * 1000 }'
  done
}
mapfile -t first_cached < <(first $cached_port)
mapfile -t first_uncached < <(first $uncached_port)

# As bench/run.sh: load on each instance's paths until the JIT has settled (its compile time grew by under two
# seconds in a round), the uncached instance after the cached cases. BENCH_QUICK skips it.
compile_seconds() { jstat -compiler "$1" | awk 'NR == 2 { print int($4) }'; }
warm() {
  local pid=$1 port=$2 before after spec round
  if [ "$quick" = 1 ]; then
    echo "Instance on $port: no JIT warm-up (BENCH_QUICK)"
    return
  fi
  for round in $(seq 1 12); do
    before=$(compile_seconds "$pid")
    for spec in "${cases[@]}"; do
      wrk -t2 -c64 -d3s "http://127.0.0.1:$port${spec#*|}" >/dev/null
    done
    after=$(compile_seconds "$pid")
    [ $((after - before)) -lt 2 ] && break
  done
  echo "Instance on $port warmed in $round rounds of $((3 * ${#cases[@]})) s (JIT compile time $after s)"
}

# What wrk left queued (a slow case's requests go on after wrk has gone) must not weigh on the next case: wait
# until the readiness check, which borrows a pooled connection, answers at once again (30 s at most).
drain() {
  local port=$1 t
  for _ in $(seq 1 60); do
    t=$(curl -s -o /dev/null -w "%{time_total}" "localhost:$port/q/health/ready")
    awk -v t="$t" 'BEGIN { exit !(t < 0.1) }' && return 0
    sleep 0.5
  done
}

results="$work/results.txt"
# bench NAME PORT PATH FIRST_MS: the service, then nginx on the same bytes.
bench() {
  local name=$1 port=$2 path=$3 first_ms=$4 file service nginx
  file="$work/www/$(echo "$name" | tr -c 'a-z0-9' '_').json"
  get -f -o "$file" "localhost:$port$path"
  chmod 644 "$file"
  service=$(wrk_run "http://127.0.0.1:$port$path")
  drain "$port"
  nginx=$(wrk_run "http://127.0.0.1:$nginx_port/$(basename "$file")")
  echo "$name|$(stat -c %s "$file")|$first_ms|$service|$nginx" | tee -a "$results"
}

echo "case|bytes|first ms|service req/s p50 p99 bad|nginx req/s p50 p99 bad"
warm "${pids[0]}" $cached_port
for i in "${!cases[@]}"; do
  bench "${cases[$i]%%|*} (cached)" $cached_port "${cases[$i]#*|}" "${first_cached[$i]}"
done
warm "${pids[1]}" $uncached_port
for i in "${!cases[@]}"; do
  bench "${cases[$i]%%|*} (cache off)" $uncached_port "${cases[$i]#*|}" "${first_uncached[$i]}"
done

# A filter panel nobody asked for before, every request (bench/facets-unseen.lua): one employer's facets over a
# window of deadlines, counted afresh with the list's total and page. No nginx: no two answers are the same.
unseen=$(wrk -t2 -c64 -d"${seconds}s" --latency --timeout 10s -s bench/facets-unseen.lua \
  "http://127.0.0.1:$uncached_port" | python3 -c "$wrk_summary")
echo "facets, one employer, never asked before (cache off)|–|–|$unseen|–" | tee -a "$results"

commit=$(git rev-parse --short HEAD)
python3 - "$results" "$positions" "$open" "$open_here" "$seconds" "$commit" "$load" "$quick" <<'PY'
import datetime, os, re, sys
results, positions, open_, open_here, seconds, commit, load, quick = sys.argv[1:9]
# The issue's targets for the cache-off cases: (least req/s, most p99 ms).
targets = {
    "list (cache off)": (1500, 100), "list, one employer (cache off)": (1500, 100),
    "detail (cache off)": (1500, 100),
    "facets, one employer (cache off)": (None, 50),
    "search (cache off)": (1000, None), "search, one employer (cache off)": (1000, None),
}
rows = []
for line in open(results):
    name, size, first, service, nginx = line.rstrip("\n").split("|")
    s, n = service.split(), [] if nginx == "–" else nginx.split()
    rps, p99 = float(s[0]), float(s[2])
    target = met = ""
    if name in targets:
        least, most = targets[name]
        target = " ".join(t for t in (least and f"≥ {least:,} req/s", most and f"p99 ≤ {most} ms") if t)
        met = "yes" if rps > 0 and (least is None or rps >= least) and (most is None or p99 <= most) else "**no**"
    # A case without one answer to give nginx (never asked before) has no bytes, first request or ratio.
    versus = (f"| {float(n[0]):,.0f} | {n[2]} | {rps / float(n[0]):.2f} " if n else "| – | – | – ")
    rows.append(f"| {name} | {f'{int(size):,}' if size.isdigit() else size} | {first} | {rps:,.0f} | {s[1]} | {s[2]} "
                + versus + f"| {target} | {met} |"
                + (f" {' '.join(s[3:])} non-2xx/3xx |" if s[3] != "0" else " |"))
cpu = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo").read()).group(1)
kind = (f"**Smoke test (BENCH_QUICK=1: no JIT warm-up, {seconds} s runs): not figures to quote.** "
        if quick == "1" else "")
table = "\n".join([
    kind + f"Measured {datetime.date.today()} on {os.cpu_count()} cores ({cpu}), "
    f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') // 2**30} GiB, commit {commit}: {int(positions):,} postings, "
    f"{int(open_):,} open ({int(open_here):,} of them at the one employer, Aarhus Kommune), "
    f"`wrk -t2 -c64 -d{seconds}s --timeout 10s`, service and nginx alternating. The data set loaded in {load} (bench/national-load.sh).",
    "",
    "| case | bytes | first request ms | service req/s | p50 ms | p99 ms | nginx req/s | nginx p99 ms | ratio to nginx "
    "| target | met | |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    *rows,
])
readme = "bench/README.md"
text = open(readme).read()
start, end = "<!-- national -->", "<!-- /national -->"
text = text[: text.index(start) + len(start)] + "\n" + table + "\n" + text[text.index(end):]
open(readme, "w").write(text)
print(table)
PY
