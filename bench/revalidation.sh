#!/usr/bin/env bash
# The 304 (bench/README.md, "The 304"): what a website behind a CDN or a browser cache mostly sends, a
# revalidation of the cached list with If-None-Match, against nginx answering the same If-None-Match on the
# very bytes the service returned. The packaged service over N sample postings, warmed until its JIT has
# settled, then service and nginx alternately, several rounds; prints each round and the median ratio.
# BENCH_PROFILE=1 adds a round of the service alone under JFR (execution samples only, not counted) and prints
# where its samples were taken.
#
#   bash bench/revalidation.sh [positions, default 100000] [seconds per run, default 10] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."

positions=${1:-100000}
seconds=${2:-10}
rounds=${3:-3}
port=8097
nginx_port=8098
schema=jobs_revalidation
source bench/lib.sh
need nginx nginx-light

start_service JOBS_RATE_LIMIT_READS_PER_MINUTE=1000000000
path=/api/v1/positions
source bench/nginx.sh
start_nginx
curl -sf -o "$work/www/list.json" "localhost:$port$path"
chmod 644 "$work/www/list.json"
trap 'kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; cleanup' EXIT

etag() { curl -sfI "$1" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p'; }
service_url="http://127.0.0.1:$port$path"
nginx_url="http://127.0.0.1:$nginx_port/list.json"
service_header="If-None-Match: $(etag "$service_url")"
nginx_header="If-None-Match: $(etag "$nginx_url")"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$service_header" "$service_url")" = 304 ] || { echo "no 304 from the service"; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$nginx_header" "$nginx_url")" = 304 ] || { echo "no 304 from nginx"; exit 1; }

# Warm the service until a 10 s round of load adds under a second of JIT compile time.
compile_seconds() { jstat -compiler "$pid" | awk 'NR == 2 { print int($4) }'; }
for round in $(seq 1 20); do
  before=$(compile_seconds)
  wrk -t2 -c64 -d5s -H "$service_header" "$service_url" >/dev/null
  wrk -t2 -c64 -d5s "$service_url" >/dev/null
  [ $(($(compile_seconds) - before)) -lt 1 ] && break
done
echo "revalidation: $(nproc) cores, $positions postings, service warmed in $round rounds of 10 s (JIT $(compile_seconds) s)"

# rate URL HEADER: "req/s p99_ms non-2xx/3xx" of one wrk run.
rate() {
  wrk -t2 -c64 -d"${seconds}s" --latency -H "$2" "$1" | python3 -c '
import re, sys
out = sys.stdin.read()
m = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print("%.0f %.2f %d" % (float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), p99, int(bad.group(1)) if bad else 0))'
}
ratios=()
for r in $(seq 1 "$rounds"); do
  read -r s_rps s_p99 s_bad <<<"$(rate "$service_url" "$service_header")"
  read -r n_rps n_p99 n_bad <<<"$(rate "$nginx_url" "$nginx_header")"
  ratio=$(python3 -c "print('%.2f' % ($s_rps / $n_rps))")
  ratios+=("$ratio")
  echo "  round $r: service $s_rps req/s (p99 $s_p99 ms, $s_bad not 304), nginx $n_rps req/s (p99 $n_p99 ms, $n_bad not 304): $ratio"
done
echo "median ratio to nginx's 304: $(printf '%s\n' "${ratios[@]}" | sort -n | sed -n "$(((rounds + 1) / 2))p") (target at least 0.8)"

if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  # async-profiler (Maven Central), attached to the running JVM: JFR started at this point of a run slowed the
  # service to a quarter of its rate on this machine, and profiled that instead.
  ./mvnw -q -B dependency:copy -Dartifact=tools.profiler:async-profiler:3.0:jar:linux-x64 -DoutputDirectory="$work" >/dev/null
  (cd "$work" && unzip -q -o async-profiler-3.0-linux-x64.jar 'linux-x64/*')
  recording=$(mktemp --suffix=.collapsed)
  # jcmd reads name=value as its own argument unless the agent's options are quoted.
  jcmd "$pid" JVMTI.agent_load "$work/linux-x64/libasyncProfiler.so" '"start,event=itimer,interval=1ms"' >/dev/null
  echo "  profiled round: service $(rate "$service_url" "$service_header") (req/s p99 not-304)"
  jcmd "$pid" JVMTI.agent_load "$work/linux-x64/libasyncProfiler.so" "\"stop,collapsed,file=$recording\"" >/dev/null
  python3 - "$recording" <<'PY'
import collections, re, sys
inclusive, total = collections.Counter(), 0
for line in open(sys.argv[1]):
    stack, n = line.rstrip().rsplit(" ", 1)
    total += int(n)
    for frame in set(stack.split(";")):
        inclusive[frame] += int(n)
print(f"{total} samples of the service in the profiled round; on the stack (inclusive):")
shown = r"(dk/kommunejob|io/quarkus|io/micrometer|org/jboss/logging|flush0|SocketDispatcher.read0|epoll_wait)"
for name, n in inclusive.most_common(600):
    if re.search(shown, name) and "$$Lambda" not in name and 100 * n / total >= 0.5:
        print(f"{100 * n / total:5.1f} %  {name}")
PY
fi
echo "recording: ${recording:-none}"
