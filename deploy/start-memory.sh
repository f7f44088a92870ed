#!/usr/bin/env bash
# Start time and idle memory of the packaged service, as a Kubernetes replica starts it (deploy/README.md,
# "Start and memory"): the JVM flags of src/main/docker/Dockerfile.jvm, its class-data archive made the same
# way, the container's memory limit from the Deployment (512Mi), and Flyway left to the migration Job.
# Beside it, in the same run, a plain `java -jar` with no flags.
#
# Prints, per run, the time from launch to the first 200 from /q/health/ready, Quarkus' own "started in",
# and the resident memory (RSS) after 5 s idle; then the medians.
#
# Usage: bash deploy/start-memory.sh [runs, default 5]
# Needs: PostgreSQL on 127.0.0.1:5432 (deploy/local-postgres.sh) and a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-5}
PORT=${START_PORT:-8098}
JAR=target/quarkus-app/quarkus-run.jar
ARCHIVE=target/app-cds.jsa
DB="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=jobs_start"

if [ ! -f "$JAR" ]; then
  ./mvnw -q -B package -DskipTests
fi
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE SCHEMA IF NOT EXISTS jobs_start"

# The image's flags, with the archive where this script keeps it, and the container's memory limit.
image_flags=$(sed -n 's/^ENV JAVA_OPTS_APPEND="\(.*\)"$/\1/p' src/main/docker/Dockerfile.jvm)
image_flags=${image_flags//\/deployments\/app-cds.jsa/$ARCHIVE}
export_arenas=$(sed -n 's/^ENV MALLOC_ARENA_MAX=\([0-9]*\)$/\1/p' src/main/docker/Dockerfile.jvm)
limit=$(grep -A3 "limits:" deploy/kubernetes/kubernetes.yml | sed -n 's/.*memory: \([0-9]*\)Mi/\1/p' | head -n 1)
image_flags="$image_flags -XX:MaxRAM=${limit}m"

# The archive, exactly as the Dockerfile makes it (its RUN line), with this machine's JVM.
archive_cmd=$(sed -n '/^RUN /,/quarkus-run.jar$/p' src/main/docker/Dockerfile.jvm \
  | sed 's/^RUN //; s/\\$//' | tr -d '\n')
archive_cmd=${archive_cmd//\/deployments\/app-cds.jsa/$ARCHIVE}
archive_cmd=${archive_cmd//\/deployments\/quarkus-run.jar/$JAR}
rm -f "$ARCHIVE"
echo "start: making the class-data archive: $archive_cmd"
bash -c "$archive_cmd" >/dev/null 2>&1
ls -la "$ARCHIVE" | awk '{printf "start: archive %.0f MB\n", $5/1048576}'

# One start: prints "<ms to ready> <started in, s> <RSS MB>".
start_once() {
  local log; log=$(mktemp)
  local t0; t0=$(date +%s%N)
  QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="$DB" QUARKUS_FLYWAY_SCHEMAS=jobs_start \
  QUARKUS_FLYWAY_ACTIVE="$FLYWAY" QUARKUS_SHUTDOWN_DELAY=0S \
    java $* -jar "$JAR" >"$log" 2>&1 &
  local pid=$!
  until curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "start: the service died" >&2; cat "$log" >&2; exit 1; }
    sleep 0.01
  done
  local t1; t1=$(date +%s%N)
  sleep 5
  local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local started; started=$(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -n 1)
  rm -f "$log"
  echo "$(( (t1 - t0) / 1000000 )) $started $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# The schema is migrated once, unmeasured, as the migration Job would.
FLYWAY=true start_once >/dev/null

declare -A ready rss
for variant in plain image; do ready[$variant]=""; rss[$variant]=""; done
for i in $(seq 1 "$RUNS"); do
  for variant in plain image; do
    if [ "$variant" = plain ]; then
      read -r ms started mb < <(FLYWAY=false start_once)
    else
      read -r ms started mb < <(MALLOC_ARENA_MAX=$export_arenas FLYWAY=false start_once $image_flags)
    fi
    printf "run %d %-5s ready %5d ms  (Quarkus: started in %ss)  RSS %4d MB\n" "$i" "$variant" "$ms" "$started" "$mb"
    ready[$variant]+="$ms"$'\n'; rss[$variant]+="$mb"$'\n'
  done
done

echo "image flags: $image_flags (MALLOC_ARENA_MAX=$export_arenas)"
for variant in plain image; do
  printf "median %-5s ready %5d ms  RSS %4d MB\n" "$variant" \
    "$(printf '%s' "${ready[$variant]}" | median)" "$(printf '%s' "${rss[$variant]}" | median)"
done
echo "targets: ready <= 2000 ms, idle RSS <= 200 MB"
