#!/usr/bin/env bash
# Inventory benchmark: starts the platform on an empty embedded PostgreSQL, imports 1,000,000 8-800 numbers from
# one CSV file (1,000 ranges of 1,000) through POST /api/v1/inventory/resources/import, puts 150,000 of them in other
# statuses (some with dates already passed, which the capacity query must correct), then times the capacity query,
# a "can we connect" query and a filtered page of the list, 30 times each, over HTTP (each request signs in with
# HTTP Basic, so GET /me is timed as the cost of any request), and the capacity SQL alone in PostgreSQL.
# Build first: ./mvnw -q -pl rating-service -am package -DskipTests -DskipUi
# Usage: benchmarks/inventory/run.sh [http-port] [postgres-port]
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${1:-28471}
PG_PORT=${2:-28472}
DATA=$(mktemp -d /tmp/inventory-bench.XXXXXX)
JAR=rating-service/target/rating-service-1.0.0-SNAPSHOT-exec.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -pl rating-service -am package -DskipTests -DskipUi" >&2; exit 1; }

java -Xmx2g -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
     --ccbilling.embedded-db.dir="$DATA/db" --ccbilling.embedded-db.port="$PG_PORT" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT

for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
    sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { tail -50 "$DATA/app.log"; exit 1; }
API="http://127.0.0.1:$PORT/api/v1/inventory"
PSQL="psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -d ccbilling"

curl -sf -u netops:netops -H 'Content-Type: application/json' -X PUT \
     -d '{"code":"BENCH-800","name":"8-800 бенчмарк","kind":"TOLL_FREE_800","site":"MSK","lowWaterMark":100000}' \
     "$API/pools/BENCH-800" > /dev/null
# 1,000 ranges of 1,000 numbers: 78000000000-78000000999, ..., 78000999000-78000999999
for i in $(seq 0 999); do
    printf '7800%04d000,7800%04d999\n' "$i" "$i"
done > "$DATA/numbers.csv"
echo "== importing $(wc -l < "$DATA/numbers.csv") ranges ($(du -h "$DATA/numbers.csv" | cut -f1)), 1,000,000 numbers"
curl -s -u netops:netops -H 'Content-Type: text/csv' --data-binary @"$DATA/numbers.csv" \
     -w '\nimport: HTTP %{http_code} in %{time_total} s\n' "$API/resources/import?pool=BENCH-800"
$PSQL -tA -c "select 'in the inventory: ' || count(*) from network_resource where pool_code = 'BENCH-800'"

echo "== 100,000 Busy, 30,000 Reserved, 20,000 in Quarantine (a third of each past its date)"
$PSQL <<'SQL'
insert into account (code, client_name) values ('BENCH-ACC', 'ООО «Бенчмарк»') on conflict do nothing;
update network_resource set status = 'BUSY', account_code = 'BENCH-ACC', held_from = date '2026-01-01',
       held_until = case when resource::bigint % 3 = 0 then current_date - 1 end,
       quarantine_until = case when resource::bigint % 3 = 0 then current_date + 89 end
 where pool_code = 'BENCH-800' and resource between '78000000000' and '78000099999';
update network_resource set status = 'RESERVED', reserved_for = 'bench', reserved_by = 'netops',
       reserved_until = case when resource::bigint % 3 = 0 then now() - interval '1 hour' else now() + interval '7 days' end
 where pool_code = 'BENCH-800' and resource between '78000100000' and '78000129999';
update network_resource set status = 'QUARANTINE', account_code = null,
       quarantine_until = case when resource::bigint % 3 = 0 then current_date - 1 else current_date + 30 end
 where pool_code = 'BENCH-800' and resource between '78000130000' and '78000149999';
vacuum analyze network_resource;
SQL

time_it() { # name, then curl arguments; 30 runs, prints min / median / max of the total time in ms
    local name=$1; shift
    for _ in $(seq 1 30); do curl -s -o /dev/null -w '%{time_total}\n' -u netops:netops "$@"; done \
        | sort -n | awk -v name="$name" '{ t[NR] = $1 * 1000 } END { printf "%-42s min %6.1f  median %6.1f  max %6.1f ms\n", name, t[1], t[15], t[30] }'
}
capacity_sql() { # the capacity queries in PostgreSQL alone (the counts, then the correction by the rows past their dates), 30 runs
for _ in $(seq 1 30); do
    $PSQL -c '\timing on' -c "select pool_code, kind, status, n from resource_count where n <> 0" \
        -c "select pool, kind, was, now_status, count(*) from (
              select coalesce(r.pool_code, '') as pool, r.kind, r.status as was, 'QUARANTINE' as now_status from network_resource r where r.status = 'BUSY' and r.held_until is not null and r.held_until <= current_date
              union all select coalesce(r.pool_code, ''), r.kind, r.status, 'FREE' from network_resource r where r.status = 'QUARANTINE' and r.quarantine_until <= current_date
              union all select coalesce(r.pool_code, ''), r.kind, r.status, 'FREE' from network_resource r where r.status = 'RESERVED' and r.reserved_until <= now()) due group by 1, 2, 3, 4" \
        | grep '^Time' | awk '{ s += $2 } END { print s }'
done | sort -n | awk '{ t[NR] = $1 } END { printf "capacity SQL (both queries)                min %6.2f  median %6.2f  max %6.2f ms\n", t[1], t[15], t[30] }'
}
echo "== over HTTP, 30 runs each (a warm-up run first); the dates of 50,000 rows have passed, not yet materialised"
$PSQL -tA -c "select 'past their dates: ' || (select count(*) from network_resource where status = 'BUSY' and held_until <= current_date) + (select count(*) from network_resource where status = 'QUARANTINE' and quarantine_until <= current_date) + (select count(*) from network_resource where status = 'RESERVED' and reserved_until <= now())"
time_it "GET /me (the cost of any request)" "http://127.0.0.1:$PORT/api/v1/me"
curl -s -u netops:netops "$API/capacity" | jq -c '.[] | select(.pool == "BENCH-800")'
time_it "GET /inventory/capacity" "$API/capacity"
time_it "POST /inventory/connect-check (30 + 2)" -H 'Content-Type: application/json' -X POST \
    -d '{"needs":[{"kind":"TOLL_FREE_800","pool":"BENCH-800","quantity":30},{"kind":"TOLL_FREE_800","site":"MSK","quantity":2}]}' \
    "$API/connect-check"
time_it "GET /inventory/resources?pool&status=FREE" "$API/resources?pool=BENCH-800&status=FREE&from=78000500000&size=50"
capacity_sql

echo "== after the scheduled materialiser (every 60 s) wrote the moved statuses back"
sleep 75
$PSQL -tA -c "select 'past their dates: ' || (select count(*) from network_resource where status = 'BUSY' and held_until <= current_date) + (select count(*) from network_resource where status = 'QUARANTINE' and quarantine_until <= current_date) + (select count(*) from network_resource where status = 'RESERVED' and reserved_until <= now())"
curl -s -u netops:netops "$API/capacity" | jq -c '.[] | select(.pool == "BENCH-800")'
time_it "GET /inventory/capacity" "$API/capacity"
time_it "POST /inventory/connect-check (30 + 2)" -H 'Content-Type: application/json' -X POST \
    -d '{"needs":[{"kind":"TOLL_FREE_800","pool":"BENCH-800","quantity":30},{"kind":"TOLL_FREE_800","site":"MSK","quantity":2}]}' \
    "$API/connect-check"
capacity_sql
