#!/usr/bin/env bash
# Benchmark: loads N synthetic postings (default 100 000) into a schema of its own (jobs_bench),
# times the load, then measures the public API's hot requests and shows the query plans that back
# them. Prints figures; asserts nothing. Needs the local PostgreSQL (deploy/local-postgres.sh).
#
#   bash deploy/benchmark.sh [positions] [requests per case]
set -euo pipefail
cd "$(dirname "$0")/.."

positions=${1:-100000}
requests=${2:-300}
port=8089
schema=jobs_bench
psql="psql -h 127.0.0.1 -U postgres -d postgres -qAt"

./mvnw -q -B package -DskipTests
$psql -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $schema CASCADE"

log=$(mktemp)
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=$schema" \
QUARKUS_FLYWAY_SCHEMAS=$schema QUARKUS_HTTP_PORT=$port \
JOBS_SAMPLE_DATA=true JOBS_SAMPLE_POSITIONS=$positions \
  java -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT

echo "Loading $positions synthetic postings..."
for _ in $(seq 1 1800); do
  grep -q "Sample data loaded" "$log" && break
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
grep -o "Sample data loaded.*" "$log"
$psql -c "ANALYZE"
echo "Rows: $($psql -c "SELECT count(*) FROM $schema.position") positions," \
  "$($psql -c "SELECT count(*) FROM $schema.contact") contacts," \
  "$($psql -c "SELECT count(*) FROM $schema.stage") stages"

unit=$($psql -c "SELECT id FROM $schema.org_unit WHERE name = 'Børn, Sundhed & Velfærd'")
agency=$($psql -c "SELECT id FROM $schema.agency WHERE name = 'Genitor'")
slug=$($psql -c "SELECT slug FROM $schema.position WHERE status = 'published' ORDER BY id DESC LIMIT 1")

python3 - "$port" "$requests" "$unit" "$agency" "$slug" <<'PY'
import http.client, statistics, sys, time
port, n, unit, agency, slug = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
cases = [
    ("list, default (open, by deadline)", "/api/v1/positions"),
    ("list, size 100", "/api/v1/positions?size=100"),
    ("list, page 200", "/api/v1/positions?page=200"),
    ("list, directorate and sub-units", f"/api/v1/positions?unit={unit}"),
    ("list, agency, newest first", f"/api/v1/positions?agency={agency}&sort=-publishedAt"),
    ("list, by title", "/api/v1/positions?sort=title"),
    ("search 'pædagoger'", "/api/v1/positions?q=p%C3%A6dagoger"),
    ("search 'skole', all statuses", "/api/v1/positions?q=skole&status=all"),
    ("deadlines, all open", "/api/v1/deadlines"),
    ("detail by slug", f"/api/v1/positions/{slug}"),
]
conn = http.client.HTTPConnection("127.0.0.1", port)
print(f"\n{'case':40} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8}   total")
for name, path in cases:
    for _ in range(20):  # warm-up
        conn.request("GET", path); conn.getresponse().read()
    times = []
    started = time.perf_counter()
    for _ in range(n):
        t = time.perf_counter()
        conn.request("GET", path)
        r = conn.getresponse(); body = r.read()
        times.append((time.perf_counter() - t) * 1000)
        assert r.status == 200, (path, r.status, body[:200])
    elapsed = time.perf_counter() - started
    q = statistics.quantiles(times, n=100)
    total = body.split(b'"total":')[1].split(b"}")[0].decode() if b'"total":' in body else "-"
    print(f"{name:40} {q[49]:8.1f} {q[94]:8.1f} {q[98]:8.1f} {n / elapsed:8.0f}   {total}")
PY

echo
echo "Plans (the ids query of a list request):"
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
explain() { echo "-- $1"; $psql -c "SET search_path = $schema; EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) $2" | grep -E "Scan|Limit|Sort|Execution" | head -6; }
explain "default list" "SELECT p.id FROM position p WHERE p.status = 'published' AND p.closed_at IS NULL AND p.application_deadline >= '$now' ORDER BY p.application_deadline, p.id LIMIT 20"
explain "search" "SELECT p.id FROM position p WHERE p.status = 'published' AND p.closed_at IS NULL AND p.application_deadline >= '$now' AND p.search_vector @@ websearch_to_tsquery('danish', 'pædagoger') ORDER BY ts_rank(p.search_vector, websearch_to_tsquery('danish', 'pædagoger')) DESC, p.id LIMIT 20"
explain "agency, newest first" "SELECT p.id FROM position p WHERE p.status = 'published' AND p.closed_at IS NULL AND p.application_deadline >= '$now' AND p.agency_id = $agency ORDER BY p.published_at DESC, p.id DESC LIMIT 20"
explain "by title" "SELECT p.id FROM position p WHERE p.status = 'published' AND p.closed_at IS NULL AND p.application_deadline >= '$now' ORDER BY p.title COLLATE \"da-DK-x-icu\", p.id LIMIT 20"
