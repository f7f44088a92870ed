#!/usr/bin/env bash
# Start time and idle memory of the packaged service, as a Kubernetes replica starts it (deploy/README.md,
# "Start and memory"): the JVM flags of the image (deploy/image-java-opts.sh), its class-data archive made the same
# way, the container's memory limit from the Deployment (512Mi), and Flyway left to the migration Job.
# Beside it, in the same run, a plain `java -jar` with no flags, and the framework's floor: the app the Quarkus
# Maven plugin's `create` goal makes with this stack's extensions (rest-jackson, hibernate-orm-panache,
# jdbc-postgresql) at this project's Quarkus version, packaged, started both ways too; and the extended floor, the
# same app made with all of this service's extensions (none of its code). All six alternate.
#
# Prints, per run, the time from launch to the first 200 of the start the two share (the service's
# /q/health/started, which Kubernetes' startup probe asks; the floor's /hello), Quarkus' own "started in", the time to
# the service's readiness (after its warm-up, JOBS_WARM_UP_DURATION), and the resident memory (RSS) after 5 s idle
# once ready; then the medians, the service's ratio to the floor, and how that ratio splits into the extensions'
# share (extended floor / floor) and the service's own (service / extended floor).
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

# The floor app, generated and packaged once per Quarkus version (under target/, with this project's Maven wrapper);
# and beside it the same app with every extension this service has (read from pom.xml), none of its code: what the
# framework's share of the service's start is, and what its own.
QUARKUS_VERSION=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml)
PROBLEM_VERSION=$(sed -n 's:.*<quarkus-resteasy-problem.version>\(.*\)</quarkus-resteasy-problem.version>.*:\1:p' pom.xml)
SERVICE_EXTENSIONS=$(sed -n 's:.*<artifactId>quarkus-\(.*\)</artifactId>.*:\1:p' pom.xml \
  | grep -vx 'bom\|junit\|maven-plugin\|resteasy-problem' | paste -sd, -)
SERVICE_EXTENSIONS+=",io.quarkiverse.resteasy-problem:quarkus-resteasy-problem:$PROBLEM_VERSION"
make_app() { # DIR EXTENSIONS: generates and packages the app once; prints its jar
  local dir=target/$1-$QUARKUS_VERSION jar=target/$1-$QUARKUS_VERSION/floor/target/quarkus-app/quarkus-run.jar
  if [ ! -f "$jar" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && ../../mvnw -q -B "io.quarkus.platform:quarkus-maven-plugin:$QUARKUS_VERSION:create" \
      -DprojectGroupId=org.acme -DprojectArtifactId=floor -DplatformVersion="$QUARKUS_VERSION" -Dextensions="$2") >&2
    rm -rf "$dir/floor/.mvn" "$dir/floor/mvnw" "$dir/floor/mvnw.cmd" # built with this project's wrapper
    (cd "$dir/floor" && ../../../mvnw -q -B package -DskipTests) >&2
  fi
  echo "$jar"
}
FLOOR_JAR=$(make_app floor rest-jackson,hibernate-orm-panache,jdbc-postgresql)
EXTENDED_JAR=$(make_app floor-extended "$SERVICE_EXTENSIONS")
echo "start: the extended floor's extensions: $SERVICE_EXTENSIONS"

# The image's flags as its run-java.sh puts them (deploy/image-java-opts.sh: the base image's defaults, then
# JAVA_OPTS_APPEND), with the archive where this script keeps it, and the container's memory limit.
image_flags=$(bash deploy/image-java-opts.sh "$ARCHIVE")
export_arenas=$(sed -n 's/^ENV MALLOC_ARENA_MAX=\([0-9]*\)$/\1/p' src/main/docker/Dockerfile.jvm)
limit=$(grep -A3 "limits:" deploy/kubernetes/kubernetes.yml | sed -n 's/.*memory: \([0-9]*\)Mi/\1/p' | head -n 1)
image_flags="$image_flags -XX:MaxRAM=${limit}m"

# The archive, exactly as the Dockerfile makes it (its RUN line), with this machine's JVM.
archive_cmd=$(sed -n '/^RUN /,/quarkus-run.jar$/p' src/main/docker/Dockerfile.jvm \
  | sed 's/^RUN //; s/\\$//' | tr -d '\n')
FLOOR_ARCHIVE=target/floor-cds.jsa
floor_archive_cmd=${archive_cmd//\/deployments\/app-cds.jsa/$FLOOR_ARCHIVE}
floor_archive_cmd=${floor_archive_cmd//\/deployments\/quarkus-run.jar/$FLOOR_JAR}
EXTENDED_ARCHIVE=target/floor-extended-cds.jsa
extended_archive_cmd=${archive_cmd//\/deployments\/app-cds.jsa/$EXTENDED_ARCHIVE}
extended_archive_cmd=${extended_archive_cmd//\/deployments\/quarkus-run.jar/$EXTENDED_JAR}
archive_cmd=${archive_cmd//\/deployments\/app-cds.jsa/$ARCHIVE}
archive_cmd=${archive_cmd//\/deployments\/quarkus-run.jar/$JAR}
rm -f "$ARCHIVE" "$FLOOR_ARCHIVE" "$EXTENDED_ARCHIVE"
echo "start: making the class-data archives: $archive_cmd"
bash -c "$archive_cmd" >/dev/null 2>&1
bash -c "$floor_archive_cmd" >/dev/null 2>&1
bash -c "$extended_archive_cmd" >/dev/null 2>&1
ls -la "$ARCHIVE" "$FLOOR_ARCHIVE" "$EXTENDED_ARCHIVE" | awk '{printf "start: archive %s %.0f MB\n", $9, $5/1048576}'
floor_flags=${image_flags//$ARCHIVE/$FLOOR_ARCHIVE}
extended_flags=${image_flags//$ARCHIVE/$EXTENDED_ARCHIVE}

# One start of $APP (service or floor): prints "<ms to started> <started in, s> <ms to ready> <RSS MB>".
start_once() {
  local log; log=$(mktemp)
  local jar=$JAR url="http://127.0.0.1:$PORT/q/health/started" ready_url="http://127.0.0.1:$PORT/q/health/ready" db=$DB
  if [ "${APP:-service}" != service ]; then
    jar=$FLOOR_JAR url="http://127.0.0.1:$PORT/hello" ready_url=$url
    db="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=jobs_floor"
  fi
  if [ "${APP:-service}" = extended ]; then jar=$EXTENDED_JAR; fi
  local t0; t0=$(date +%s%N)
  QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="$db" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_FLYWAY_SCHEMAS=jobs_start QUARKUS_FLYWAY_ACTIVE="$FLYWAY" QUARKUS_SHUTDOWN_DELAY=0S \
  QUARKUS_OTEL_SDK_DISABLED=true \
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

variants="service-plain floor-plain extended-plain service-image floor-image extended-image"
declare -A start rss until_ready
for variant in $variants; do start[$variant]=""; rss[$variant]=""; until_ready[$variant]=""; done
for i in $(seq 1 "$RUNS"); do
  for variant in $variants; do
    case $variant in
      service-plain) read -r ms started ready_ms mb < <(FLYWAY=false start_once) ;;
      floor-plain) read -r ms started ready_ms mb < <(APP=floor FLYWAY=false start_once) ;;
      service-image) read -r ms started ready_ms mb < <(MALLOC_ARENA_MAX=$export_arenas FLYWAY=false start_once $image_flags) ;;
      floor-image) read -r ms started ready_ms mb < <(APP=floor MALLOC_ARENA_MAX=$export_arenas FLYWAY=false start_once $floor_flags) ;;
      extended-plain) read -r ms started ready_ms mb < <(APP=extended FLYWAY=false start_once) ;;
      extended-image) read -r ms started ready_ms mb < <(APP=extended MALLOC_ARENA_MAX=$export_arenas FLYWAY=false start_once $extended_flags) ;;
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
  printf "started, service/floor, %s: %s (the extended floor/floor: %s; service/extended floor: %s)\n" "$flags" \
    "$(python3 -c "print('%.2f' % (${median_start[service-$flags]} / ${median_start[floor-$flags]}))")" \
    "$(python3 -c "print('%.2f' % (${median_start[extended-$flags]} / ${median_start[floor-$flags]}))")" \
    "$(python3 -c "print('%.2f' % (${median_start[service-$flags]} / ${median_start[extended-$flags]}))")"
done
echo "targets: started at most 1.2x the floor's, idle RSS at most 200 MB with the image's flags"
