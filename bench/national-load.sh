#!/usr/bin/env bash
# Loads the national bench data set (bench/national.sql: the 98 municipalities, 1 000 000 postings) into a schema
# of its own, at the speed of the server's own INSERT ... SELECT: no row passes through a client.
#
#   bash bench/national-load.sh [schema]        # jobs_national by default
#
# 1. Drops and creates the schema, applies the service's Flyway migrations (src/main/resources/db/migration,
#    in version order, each in one transaction, as Flyway does) and records them in flyway_schema_history as
#    Flyway would, checksums included; the service started on the schema (QUARKUS_FLYWAY_SCHEMAS) then finds
#    them applied, validates them, and applies only newer ones.
# 2. Runs national.sql step by step ("--- step:" blocks, one psql session each), timing each.
# 3. Marks the schema as loaded (its comment, with the load's time), which bench/national.sh looks for.
set -euo pipefail
cd "$(dirname "$0")/.."

schema=${1:-jobs_national}
# NATIONAL_POSITIONS scales the set down for a try of the script (the shares stay: 2 % open, ...).
positions=${NATIONAL_POSITIONS:-1000000}
[[ $schema =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "schema: lower-case letters, digits and _ only" >&2; exit 1; }
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
export PGOPTIONS="-c search_path=$schema -c client_min_messages=warning"
psql=(psql -X -q -v ON_ERROR_STOP=1)
bash deploy/local-postgres.sh >/dev/null

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }
started=$(now)
# step LABEL COMMAND...: runs it and prints how long it took.
step() {
  local label=$1 t0 t1
  shift
  t0=$(now)
  "$@"
  t1=$(now)
  printf '%-40s %7s s\n' "$label" "$(elapsed "$t0" "$t1")"
}

echo "Loading the national data set into schema $schema"

# --- Schema and migrations
migrations=$(ls src/main/resources/db/migration/V*__*.sql | sort -V)
migrate() {
  "${psql[@]}" -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema"
  # Flyway's history table for PostgreSQL, as Flyway creates it.
  "${psql[@]}" <<SQL
CREATE TABLE "$schema"."flyway_schema_history" (
    "installed_rank" INT NOT NULL,
    "version" VARCHAR(50),
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INT,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
    "execution_time" INT NOT NULL,
    "success" BOOLEAN NOT NULL
);
ALTER TABLE "$schema"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
CREATE INDEX "flyway_schema_history_s_idx" ON "$schema"."flyway_schema_history" ("success");
-- Flyway's mark of a schema it created itself (its clean then drops the schema as a whole).
INSERT INTO "$schema"."flyway_schema_history" (installed_rank, version, description, type, script, checksum,
                                               installed_by, execution_time, success)
VALUES (0, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"$schema"', NULL, current_user, 0, true);
SQL
  local rank=0 file t0 t1
  for file in $migrations; do
    rank=$((rank + 1))
    t0=$(now)
    # One transaction per migration, as Flyway; one that builds an index CONCURRENTLY runs outside one, as Flyway.
    if grep -q CONCURRENTLY "$file"; then "${psql[@]}" -f "$file"; else "${psql[@]}" -1 -f "$file"; fi
    t1=$(now)
    # The row Flyway writes: the script by its classpath location, version and description from the file name
    # (V1_2__add_things.sql is version 1.2, "add things"), and its checksum: CRC-32 of the file's lines, UTF-8, without their line breaks (and without
    # a byte-order mark), as a signed 32-bit number (Flyway's ChecksumCalculator; line endings do not count).
    python3 - "$file" "$rank" "$(python3 -c "import sys; print(int((float(sys.argv[2]) - float(sys.argv[1])) * 1000))" "$t0" "$t1")" <<'PY' | "${psql[@]}"
import os, re, sys, zlib
path, rank, ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
name = os.path.basename(path)
script = "db/migration/" + name  # where Flyway found it, on the classpath
m = re.fullmatch(r"V([0-9][0-9_.]*)__(.+)\.sql", name)
version = m.group(1).replace("_", ".")
description = m.group(2).replace("_", " ")
text = open(path, encoding="utf-8").read().lstrip("\ufeff")
crc = 0
for line in re.split(r"\r\n|\r|\n", text):
    crc = zlib.crc32(line.encode("utf-8"), crc)
checksum = crc - (1 << 32) if crc >= 1 << 31 else crc
q = lambda s: "'" + s.replace("'", "''") + "'"
print(f"INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by,"
      f" execution_time, success) VALUES ({rank}, {q(version)}, {q(description)}, 'SQL', {q(script)}, {checksum},"
      f" current_user, {ms}, true);")
PY
  done
  echo "  $(echo "$migrations" | wc -l) migrations: $(echo "$migrations" | xargs -n1 basename | tr '\n' ' ')"
}
step "schema, migrations, Flyway history" migrate

# --- The data, step by step
sql_step() {
  awk -v want="$1" '/^--- step: / { current = substr($0, 11); next } current == want' bench/national.sql \
    | "${psql[@]}" -v positions="$positions"
}
while IFS= read -r label; do
  step "$label" sql_step "$label"
done < <(sed -n 's/^--- step: //p' bench/national.sql)

total=$(elapsed "$started" "$(now)")
printf '%-40s %7s s\n' "total" "$total"

counts=$("${psql[@]}" -At -F '|' -c "
  SELECT 'employers', count(*)::text FROM employer UNION ALL
  SELECT 'units', count(*)::text FROM org_unit UNION ALL
  SELECT 'agencies', count(*)::text FROM agency UNION ALL
  SELECT 'postings', count(*)::text FROM position UNION ALL
  SELECT '  open', count(*)::text FROM position WHERE status = 'published' AND closed_at IS NULL AND application_deadline > now() UNION ALL
  SELECT '  closed by deadline', count(*)::text FROM position WHERE status = 'published' AND closed_at IS NULL AND application_deadline <= now() UNION ALL
  SELECT '  closed by hand', count(*)::text FROM position WHERE status = 'published' AND closed_at IS NOT NULL UNION ALL
  SELECT '  withdrawn', count(*)::text FROM position WHERE status = 'withdrawn' UNION ALL
  SELECT '  drafts', count(*)::text FROM position WHERE status = 'draft' UNION ALL
  SELECT 'sections', count(*)::text FROM position_section UNION ALL
  SELECT 'contacts', count(*)::text FROM contact UNION ALL
  SELECT 'stages', count(*)::text FROM stage UNION ALL
  SELECT 'change events', count(*)::text FROM change_event UNION ALL
  SELECT 'size', pg_size_pretty(sum(pg_total_relation_size(c.oid))::bigint)::text FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'")
echo "$counts" | awk -F '|' '{ printf "%-24s %12s\n", $1, $2 }'

# The mark bench/national.sh looks for: the set is complete, and how long it took to load.
"${psql[@]}" -c "COMMENT ON SCHEMA $schema IS 'national bench data set: $(echo "$counts" | awk -F '|' '$1 == "postings" { print $2 }') postings, loaded $(date -u +%Y-%m-%d) in $total s'"
