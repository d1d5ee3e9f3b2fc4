#!/usr/bin/env bash
# Report benchmark (issue 19): starts the platform on an empty embedded PostgreSQL, writes a year of 10,000,000 CDRs
# with generate.sql (each million inserted, its facts grouped in SQL with report_facts_sql and folded), then times the ready-made
# reports and a few others through POST /api/v1/reports/query, five runs each (time.sh).
# Build first: ./mvnw -q -pl rating-service -am package -DskipTests -DskipUi
# Usage: benchmarks/reports/run.sh [millions] [http-port] [postgres-port]   (default 10 28471 28472)
#   HOLD=1 keeps the platform up after the timings (time.sh can then be run again, e.g. once the machine is quiet)
set -euo pipefail
cd "$(dirname "$0")/../.."
MILLIONS=${1:-10}
PORT=${2:-28471}
PG_PORT=${3:-28472}
DATA=$(mktemp -d /tmp/reports-bench.XXXXXX)
JAR=${JAR:-rating-service/target/rating-service-1.0.0-SNAPSHOT-exec.jar}
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -pl rating-service -am package -DskipTests -DskipUi" >&2; exit 1; }

java -Xmx1g -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
     --ccbilling.embedded-db.dir="$DATA/db" --ccbilling.embedded-db.port="$PG_PORT" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
    sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { tail -50 "$DATA/app.log"; exit 1; }
PSQL="psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -d ccbilling"

echo "== generating $MILLIONS million CDRs of 2026 (each million's facts grouped in SQL and folded)"
GEN_START=$(date +%s)
for i in $(seq 0 $((MILLIONS - 1))); do
    $PSQL -v first=$((i * 1000000)) -v last=$(((i + 1) * 1000000 - 1)) -f benchmarks/reports/generate.sql | grep -i "Time" | tr '\n' ' '; echo
done
echo "generated in $(( $(date +%s) - GEN_START )) s"
$PSQL -c "vacuum analyze report_call_day, report_call_month, report_line_day, report_line_month, report_call_day_lean, report_line_day_lean, report_call_account_day, account"
$PSQL -tA -c "select (select count(*) from cdr) || ' CDRs; facts: ' || (select count(*) from report_call_day) || ' call-days, '
              || (select count(*) from report_call_month) || ' call-months, ' || (select count(*) from report_line_day)
              || ' line-days, ' || (select count(*) from report_line_month) || ' line-months, '
              || (select count(*) from report_call_day_lean) || ' lean call-days, '
              || (select count(*) from report_line_day_lean) || ' lean line-days, '
              || (select count(*) from report_call_account_day) || ' account call-days'"

$PSQL -tA -c "select pg_size_pretty(pg_total_relation_size('report_call_day') + pg_total_relation_size('report_call_month')
              + pg_total_relation_size('report_line_day') + pg_total_relation_size('report_line_month')) || ' of facts, '
              || pg_size_pretty(pg_total_relation_size('cdr')) || ' of CDRs'"
benchmarks/reports/time.sh "http://127.0.0.1:$PORT"
if [ -n "${HOLD:-}" ]; then
    echo "== the platform stays up on http://127.0.0.1:$PORT (PostgreSQL on $PG_PORT) until this script is stopped"
    while sleep 60; do :; done
fi
