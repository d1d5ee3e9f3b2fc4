#!/usr/bin/env bash
# Period-close benchmark: starts the platform on an empty embedded PostgreSQL, writes 10,000 accounts and
# 1,000,000 rated CDRs of September 2026 with generate.sql, then times POST /api/v1/periods/2026-09/close
# until its job has succeeded. Build first: ./mvnw -q -pl rating-service -am package -DskipTests
# Usage: benchmarks/period-close/run.sh [http-port] [postgres-port]
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${1:-28461}
PG_PORT=${2:-28462}
DATA=$(mktemp -d /tmp/period-close-bench.XXXXXX)
JAR=rating-service/target/rating-service-1.0.0-SNAPSHOT-exec.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -pl rating-service -am package -DskipTests" >&2; exit 1; }

java -Xmx2g -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
     --ccbilling.embedded-db.dir="$DATA/db" --ccbilling.embedded-db.port="$PG_PORT" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT

for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
    sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { tail -50 "$DATA/app.log"; exit 1; }

echo "== generating 10,000 accounts and 1,000,000 CDRs"
GEN_START=$(date +%s)
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d ccbilling -f benchmarks/period-close/generate.sql
echo "generated in $(( $(date +%s) - GEN_START )) s"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d ccbilling -tA -c \
     "select count(*) || ' CDRs, ' || (select count(*) from account) || ' accounts' from cdr where start_time >= '2026-09-01 00:00+03' and start_time < '2026-10-01 00:00+03'"

echo "== closing 2026-09 through the API"
START=$(date +%s.%N)
JOB=$(curl -sf -u admin:admin -H 'Content-Type: application/json' -X POST -d '{}' \
      "http://127.0.0.1:$PORT/api/v1/periods/2026-09/close" | jq -r .id)
while :; do
    STATE=$(curl -sf -u admin:admin "http://127.0.0.1:$PORT/api/v1/jobs/$JOB" | jq -r .state)
    [ "$STATE" != RUNNING ] && break
    sleep 0.2
done
END=$(date +%s.%N)
curl -sf -u admin:admin "http://127.0.0.1:$PORT/api/v1/jobs/$JOB" | jq -c '{state, done, total, counts, result}'
printf 'period close of 1,000,000 CDRs over 10,000 accounts: %.1f s\n' "$(echo "$END - $START" | bc)"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d ccbilling -tA -c \
     "select kind, count(*), sum(amount) from ledger_entry where period = date '2026-09-01' group by kind order by kind"
[ "$STATE" = SUCCEEDED ]
