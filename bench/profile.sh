#!/usr/bin/env bash
# Where a cache miss spends its time: runs the packaged service without the response cache under
# JDK Flight Recorder while wrk asks for one path, then prints the hottest frames (where the
# samples were taken) and the hottest frames of the service's own code (dk.kommunejob) on the stack.
# Needs the schema bench/run.sh loaded (jobs_bench; BENCH_SCHEMA=jobs_national for national.sh's) and its jar.
#
#   bash bench/profile.sh [path] [seconds]      # default: /api/v1/positions, 20 s
set -euo pipefail
cd "$(dirname "$0")/.."

path=${1:-/api/v1/positions}
seconds=${2:-20}
port=8094
recording=$(mktemp --suffix=.jfr)
log=$(mktemp)

schema=${BENCH_SCHEMA:-jobs_bench}
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=$schema" \
QUARKUS_FLYWAY_SCHEMAS=$schema QUARKUS_HTTP_PORT=$port JOBS_RESPONSE_CACHE_ENABLED=false \
JOBS_RATE_LIMIT_FEED_READS_PER_MINUTE=1000000000 JOBS_RATE_LIMIT_READS_PER_MINUTE=1000000000 \
  java -XX:StartFlightRecording=filename="$recording",settings=profile,delay=15s \
  -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
until curl -sf "localhost:$port/q/health/ready" >/dev/null; do sleep 1; done

wrk -t2 -c64 -d15s "http://127.0.0.1:$port$path" >/dev/null # warm-up, before the recording starts
wrk -t2 -c64 -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|99%"
jcmd $pid JFR.dump filename="$recording" >/dev/null

jfr print --events jdk.ExecutionSample --stack-depth 64 "$recording" | python3 -c '
import collections, re, sys
top, own, samples = collections.Counter(), collections.Counter(), 0
for event in sys.stdin.read().split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
    if not frames:
        continue
    samples += 1
    top[frames[0]] += 1
    for name in dict.fromkeys(f for f in frames if f.startswith("dk.kommunejob")):
        own[name] += 1
print(f"{samples} samples")
print("\nwhere the samples were taken (top frame):")
for name, n in top.most_common(15):
    print(f"{100 * n / samples:5.1f} %  {name}")
print("\nthe service code on the stack:")
for name, n in own.most_common(12):
    print(f"{100 * n / samples:5.1f} %  {name}")
'
echo "recording: $recording"
