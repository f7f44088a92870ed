#!/usr/bin/env bash
# Start time and idle memory of the packaged service, as a Kubernetes replica starts it (deploy/README.md,
# "Start and memory"): the JVM flags of src/main/docker/Dockerfile.jvm, its class-data archive made the same
# way, the container's memory limit from the Deployment (512Mi), and Flyway left to the migration Job.
# Beside it, in the same run, a plain `java -jar` with no flags, and the framework's floor: the app the Quarkus
# Maven plugin's `create` goal makes with this stack's extensions (rest-jackson, hibernate-orm-panache,
# jdbc-postgresql) at this project's Quarkus version, packaged, started both ways too. All four alternate.
#
# Prints, per run, the time from launch to the first 200 of the start the two share (the service's
# /q/health/started, which Kubernetes' startup probe asks; the floor's /hello), Quarkus' own "started in", the time to
# the service's readiness (after its warm-up, JOBS_WARM_UP_DURATION), and the resident memory (RSS) after 5 s idle
# once ready; then the medians and the service's ratio to the floor.
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
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE SCHEMA IF NOT EXISTS jobs_floor"

# The floor app, generated and packaged once per Quarkus version (under target/, with this project's Maven wrapper).
QUARKUS_VERSION=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml)
FLOOR=target/floor-$QUARKUS_VERSION
FLOOR_JAR=$FLOOR/floor/target/quarkus-app/quarkus-run.jar
if [ ! -f "$FLOOR_JAR" ]; then
  rm -rf "$FLOOR" && mkdir -p "$FLOOR"
  (cd "$FLOOR" && ../../mvnw -q -B "io.quarkus.platform:quarkus-maven-plugin:$QUARKUS_VERSION:create" \
    -DprojectGroupId=org.acme -DprojectArtifactId=floor -DplatformVersion="$QUARKUS_VERSION" \
    -Dextensions=rest-jackson,hibernate-orm-panache,jdbc-postgresql)
  rm -rf "$FLOOR/floor/.mvn" "$FLOOR/floor/mvnw" "$FLOOR/floor/mvnw.cmd" # built with this project's wrapper
  (cd "$FLOOR/floor" && ../../../mvnw -q -B package -DskipTests)
fi

# The image's flags, with the archive where this script keeps it, and the container's memory limit.
image_flags=$(sed -n 's/^ENV JAVA_OPTS_APPEND="\(.*\)"$/\1/p' src/main/docker/Dockerfile.jvm)
image_flags=${image_flags//\/deployments\/app-cds.jsa/$ARCHIVE}
export_arenas=$(sed -n 's/^ENV MALLOC_ARENA_MAX=\([0-9]*\)$/\1/p' src/main/docker/Dockerfile.jvm)
limit=$(grep -A3 "limits:" deploy/kubernetes/kubernetes.yml | sed -n 's/.*memory: \([0-9]*\)Mi/\1/p' | head -n 1)
image_flags="$image_flags -XX:MaxRAM=${limit}m"

# The archive, exactly as the Dockerfile makes it (its RUN line), with this machine's JVM.
archive_cmd=$(sed -n '/^RUN /,/quarkus-run.jar$/p' src/main/docker/Dockerfile.jvm \
  | sed 's/^RUN //; s/\\$//' | tr -d '\n')
FLOOR_ARCHIVE=target/floor-cds.jsa
floor_archive_cmd=${archive_cmd//\/deployments\/app-cds.jsa/$FLOOR_ARCHIVE}
floor_archive_cmd=${floor_archive_cmd//\/deployments\/quarkus-run.jar/$FLOOR_JAR}
archive_cmd=${archive_cmd//\/deployments\/app-cds.jsa/$ARCHIVE}
archive_cmd=${archive_cmd//\/deployments\/quarkus-run.jar/$JAR}
rm -f "$ARCHIVE" "$FLOOR_ARCHIVE"
echo "start: making the class-data archives: $archive_cmd"
bash -c "$archive_cmd" >/dev/null 2>&1
bash -c "$floor_archive_cmd" >/dev/null 2>&1
ls -la "$ARCHIVE" "$FLOOR_ARCHIVE" | awk '{printf "start: archive %s %.0f MB\n", $9, $5/1048576}'
floor_flags=${image_flags//$ARCHIVE/$FLOOR_ARCHIVE}

# One start of $APP (service or floor): prints "<ms to started> <started in, s> <ms to ready> <RSS MB>".
start_once() {
  local log; log=$(mktemp)
  local jar=$JAR url="http://127.0.0.1:$PORT/q/health/started" ready_url="http://127.0.0.1:$PORT/q/health/ready" db=$DB
  if [ "${APP:-service}" = floor ]; then
    jar=$FLOOR_JAR url="http://127.0.0.1:$PORT/hello" ready_url=$url
    db="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=jobs_floor"
  fi
  local t0; t0=$(date +%s%N)
  QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="$db" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_FLYWAY_SCHEMAS=jobs_start QUARKUS_FLYWAY_ACTIVE="$FLYWAY" QUARKUS_SHUTDOWN_DELAY=0S \
    java $* -jar "$jar" >"$log" 2>&1 &
  local pid=$!
  until curl -fs "$url" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "start: the service died" >&2; cat "$log" >&2; exit 1; }
    sleep 0.01
  done
  local t1; t1=$(date +%s%N)
  until curl -fs "$ready_url" >/dev/null 2>&1; do sleep 0.05; done
  local t2; t2=$(date +%s%N)
  sleep 5
  local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local started; started=$(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -n 1)
  rm -f "$log"
  echo "$(( (t1 - t0) / 1000000 )) $started $(( (t2 - t0) / 1000000 )) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# The schema is migrated once, unmeasured, as the migration Job would.
FLYWAY=true start_once >/dev/null

variants="service-plain floor-plain service-image floor-image"
declare -A start rss until_ready
for variant in $variants; do start[$variant]=""; rss[$variant]=""; until_ready[$variant]=""; done
for i in $(seq 1 "$RUNS"); do
  for variant in $variants; do
    case $variant in
      service-plain) read -r ms started ready_ms mb < <(FLYWAY=false start_once) ;;
      floor-plain) read -r ms started ready_ms mb < <(APP=floor FLYWAY=false start_once) ;;
      service-image) read -r ms started ready_ms mb < <(MALLOC_ARENA_MAX=$export_arenas FLYWAY=false start_once $image_flags) ;;
      floor-image) read -r ms started ready_ms mb < <(APP=floor MALLOC_ARENA_MAX=$export_arenas FLYWAY=false start_once $floor_flags) ;;
    esac
    printf "run %d %-13s started %5d ms  (Quarkus: started in %ss)  ready %5d ms  RSS %4d MB\n" \
      "$i" "$variant" "$ms" "$started" "$ready_ms" "$mb"
    start[$variant]+="$ms"$'\n'; rss[$variant]+="$mb"$'\n'; until_ready[$variant]+="$ready_ms"$'\n'
  done
done

echo "image flags: $image_flags (MALLOC_ARENA_MAX=$export_arenas)"
declare -A median_start
for variant in $variants; do
  median_start[$variant]=$(printf '%s' "${start[$variant]}" | median)
  printf "median %-13s started %5d ms  ready %5d ms  RSS %4d MB\n" "$variant" "${median_start[$variant]}" \
    "$(printf '%s' "${until_ready[$variant]}" | median)" "$(printf '%s' "${rss[$variant]}" | median)"
done
for flags in plain image; do
  printf "started, service/floor, %s: %s\n" "$flags" \
    "$(python3 -c "print('%.2f' % (${median_start[service-$flags]} / ${median_start[floor-$flags]}))")"
done
echo "targets: started at most 1.2x the floor's, idle RSS at most 200 MB with the image's flags"
