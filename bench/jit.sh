#!/usr/bin/env bash
# What the JIT compiles around readiness (bench/README.md, "Time to peak"): the packaged service with the image's
# JVM flags (or BENCH_JAVA_OPTS) over N sample postings, the response cache off, under JFR recording every
# compilation and deoptimization; from readiness wrk on the detail of random postings in 2-second slices. Prints
# the rates, then compilations per 10-second window from readiness (C1 and C2, with C2's summed wall time), the
# methods C2 spent longest on after readiness, and the deoptimizations per window with their reasons.
#
#   bash bench/jit.sh [positions, default 200] [seconds of load, default 120]
set -euo pipefail
cd "$(dirname "$0")/.."

positions=${1:-200}
seconds=${2:-120}
port=8095
schema=jobs_jit
slice=2
source bench/lib.sh
# The image's JVM flags, unless told otherwise.
java_opts=${BENCH_JAVA_OPTS-$(image_java_opts)}

cat >"$work/jit.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.Compilation"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
  <event name="jdk.Deoptimization"><setting name="enabled">true</setting><setting name="stackTrace">false</setting></event>
</configuration>
JFC
java_opts="$java_opts -XX:StartFlightRecording=filename=$work/jit.jfr,settings=$work/jit.jfc"

echo "jit: $(nproc) cores, $positions postings, JVM flags: $java_opts"
start_service JOBS_RATE_LIMIT_READS_PER_MINUTE=1000000000 JOBS_RESPONSE_CACHE_ENABLED=false
ready=$(date +%s%3N)
echo "jit: ready $ready_after_ms ms after launch"
rates=()
for _ in $(seq 1 $((seconds / slice))); do
  rates+=("$(DETAIL_MAX_ID=$positions wrk -t2 -c64 -d${slice}s -s bench/detail-random.lua "http://localhost:$port" \
    | awk '/Requests\/sec/ {print int($2)}')")
done
echo "jit: uncached detail, req/s by ${slice}-second slice from readiness: ${rates[*]}"
jcmd "$pid" JFR.dump filename="$work/jit.jfr" >/dev/null
stop_service

jfr print --json --events jdk.Compilation,jdk.Deoptimization "$work/jit.jfr" >"$work/jit.json"
python3 - "$work/jit.json" "$ready" <<'PY'
import collections, datetime, json, re, sys

events = json.load(open(sys.argv[1]))["recording"]["events"]
ready = int(sys.argv[2]) / 1000


def since_ready(value):
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() - ready


def seconds(duration):  # ISO-8601, e.g. PT1.5S or PT1M2.5S
    return sum(float(n) * {"H": 3600, "M": 60, "S": 1}[u] for n, u in re.findall(r"([\d.]+)([HMS])", duration))


def name(method):
    return f'{method["type"]["name"]}.{method["name"]}'


windows = collections.defaultdict(lambda: [0, 0, 0.0, 0])
c2_after = collections.Counter()
reasons = collections.Counter()
for event in events:
    v = event["values"]
    t = since_ready(v["startTime"])
    w = windows[int(t // 10) * 10]
    if event["type"] == "jdk.Compilation":
        if v["compileLevel"] == 4:
            w[1] += 1
            w[2] += seconds(v["duration"])
            if t >= 0:
                c2_after[name(v["method"])] += seconds(v["duration"])
        else:
            w[0] += 1
    else:
        w[3] += 1
        if t >= 0:
            reasons[v["reason"]] += 1
print("jit: from readiness   C1   C2  C2 s  deopts")
for start in sorted(windows):
    c1, c2, c2s, deopts = windows[start]
    print(f"jit: {start:5d} s  {c1:10d} {c2:4d} {c2s:5.1f} {deopts:6d}")
print("jit: C2 after readiness, longest (summed wall s):")
for method, total in c2_after.most_common(15):
    print(f"jit:   {total:5.2f} {method}")
print("jit: deoptimizations after readiness by reason:", dict(reasons.most_common(6)))
PY
