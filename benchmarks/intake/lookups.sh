#!/usr/bin/env bash
# Lookups and listings at N million stored CDRs (issue 13: they must stay as fast on the compact storage): starts the
# platform (demo profile) on a fresh embedded PostgreSQL, writes N million CDRs straight into cdr and cdr_key with
# fill.sql (10,000 accounts, a call every 3 s through 2026, 2% rejected), then, signed in once as the tariff manager
# (a session: no request pays for HTTP Basic's password hash), times through the HTTP API with curl:
#   - GET /api/v1/me, the cost of any request here;
#   - GET /api/v1/cdrs/{source}/{cdrId} of 100 random records;
#   - GET /api/v1/cdrs?account=&from=&to=&size=100 of 100 random accounts and months;
#   - the rejects queue: GET /api/v1/rejects, by account, by source, by reason and account (10 each).
# Prints p50 / p95 / max in milliseconds, and the bytes per stored CDR.
#
# Build first: ./mvnw -q -pl rating-service -am package -DskipTests -DskipUi
# Usage: benchmarks/intake/lookups.sh [millions] [http-port] [postgres-port]   (default 10 28481 28482)
set -euo pipefail
cd "$(dirname "$0")/../.."
MILLIONS=${1:-10}
PORT=${2:-28481}
PG_PORT=${3:-28482}
DATA=$(mktemp -d /tmp/lookups-bench.XXXXXX)
JAR=${JAR:-rating-service/target/rating-service-1.0.0-SNAPSHOT-exec.jar}
BASE="http://127.0.0.1:$PORT"

java -Xmx2g -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
     --ccbilling.embedded-db.dir="$DATA/db" --ccbilling.embedded-db.port="$PG_PORT" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do
    curl -sf "$BASE/actuator/health" > /dev/null && break
    sleep 1
done
curl -sf "$BASE/actuator/health" > /dev/null || { tail -50 "$DATA/app.log"; exit 1; }
PSQL="psql -q -X -h 127.0.0.1 -p $PG_PORT -U postgres -d ccbilling"

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== writing $MILLIONS million CDRs (fill.sql)"
START=$(date +%s)
for i in $(seq 0 $((MILLIONS - 1))); do
    $PSQL -v first=$((i * 1000000 + 1)) -v last=$(((i + 1) * 1000000)) -f benchmarks/intake/fill.sql > /dev/null
done
$PSQL -c "vacuum analyze cdr, cdr_key"
echo "written in $(( $(date +%s) - START )) s; $($PSQL -tA -c "select count(*) || ' CDRs, ' || round(
      (select sum(pg_total_relation_size(c.oid)) from pg_class c where c.relkind in ('r', 'm') and c.relname like 'cdr%')
      / count(*)::numeric) || ' bytes per stored CDR (every cdr% table with its indexes and TOAST)' from cdr")"

COOKIES=$DATA/cookies
CSRF=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "username=manager&password=manager&_csrf=$CSRF" "$BASE/login"
get() { # path → milliseconds; fails on any status but 200
    local out
    out=$(curl -s -o "$DATA/answer.json" -w '%{http_code} %{time_total}' -c "$COOKIES" -b "$COOKIES" \
          -H 'X-Requested-With: XMLHttpRequest' "$BASE$1")
    [ "${out%% *}" = 200 ] || { echo "HTTP ${out%% *} for $1: $(head -c 300 "$DATA/answer.json")" >&2; exit 1; }
    awk -v s="${out#* }" 'BEGIN { printf "%.1f\n", s * 1000 }'
}
report() { # name, then milliseconds on stdin
    sort -n | awk -v name="$1" '{ v[NR] = $1 } END {
        printf "%-62s n %3d  p50 %7.1f  p95 %7.1f  max %7.1f ms\n", name, NR, v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)], v[NR] }'
}
N=$((MILLIONS * 1000000))
for _ in $(seq 1 30); do get /api/v1/me > /dev/null; done          # warm the paths before timing anything
for i in $(seq 1 20); do get /api/v1/me; done | report "GET /api/v1/me (for comparison)"
for i in $(seq 1 100); do
    g=$(( (RANDOM * 32768 + RANDOM) % N + 1 ))
    get "/api/v1/cdrs/fill-$((g % 8))/f$g"
done | report "GET /api/v1/cdrs/{source}/{cdrId}, 100 random records"
for i in $(seq 1 100); do
    a=$(printf 'ACC-B%04d' $((RANDOM % 10000))); m=$(( RANDOM % 12 + 1 ))
    from=$(printf '2026-%02d-01T00:00:00%%2B03:00' $m)
    to=$([ $m = 12 ] && echo '2027-01-01T00:00:00%2B03:00' || printf '2026-%02d-01T00:00:00%%2B03:00' $((m + 1)))
    get "/api/v1/cdrs?account=$a&from=$from&to=$to&size=100"
done | report "GET /api/v1/cdrs?account=&from=&to=&size=100, 100 random"
for i in $(seq 1 10); do get /api/v1/rejects; done | report "GET /api/v1/rejects (counts by reason)"
for i in $(seq 1 10); do get "/api/v1/rejects?account=$(printf 'ACC-B%04d' $((RANDOM % 200 * 50)))"; done \
    | report "GET /api/v1/rejects?account="
for i in $(seq 1 10); do get "/api/v1/rejects?source=fill-$((i % 8))"; done | report "GET /api/v1/rejects?source="
for i in $(seq 1 10); do
    get "/api/v1/rejects?reason=UNKNOWN_OPERATOR&account=$(printf 'ACC-B%04d' $((RANDOM % 200 * 50)))"
done | report "GET /api/v1/rejects?reason=&account="
