#!/usr/bin/env bash
# Report benchmark (issue 19): starts the platform on an empty embedded PostgreSQL, writes a year of 10,000,000 CDRs
# with generate.sql (the report-facts triggers aggregate each million as it is inserted), then times the ready-made
# reports and a few others through POST /api/v1/reports/query, five runs each.
# Build first: ./mvnw -q -pl rating-service -am package -DskipTests -DskipUi
# Usage: benchmarks/reports/run.sh [millions] [http-port] [postgres-port]   (default 10 28471 28472)
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

echo "== generating $MILLIONS million CDRs of 2026 (facts aggregated by the triggers)"
GEN_START=$(date +%s)
for i in $(seq 0 $((MILLIONS - 1))); do
    $PSQL -v first=$((i * 1000000)) -v last=$(((i + 1) * 1000000 - 1)) -f benchmarks/reports/generate.sql | grep -i "insert\|Time" | tail -1
done
echo "generated in $(( $(date +%s) - GEN_START )) s"
$PSQL -c "vacuum analyze report_call_day, report_call_month, report_line_day, report_line_month, account"
$PSQL -tA -c "select (select count(*) from cdr) || ' CDRs; facts: ' || (select count(*) from report_call_day) || ' call-days, '
              || (select count(*) from report_call_month) || ' call-months, ' || (select count(*) from report_line_day)
              || ' line-days, ' || (select count(*) from report_line_month) || ' line-months'"

time_report() {
    local name=$1 body=$2 times=()
    for _ in 1 2 3 4 5; do
        times+=("$(curl -s -o /tmp/reports-bench-answer.json -w '%{time_total}' -u finance:finance \
                 -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$PORT/api/v1/reports/query")")
    done
    printf '%-55s rows %6s   s: %s\n' "$name" "$(jq '.rows | length' /tmp/reports-bench-answer.json)" "${times[*]}"
}
YEAR='"from":"2026-01-01","to":"2026-12-31"'
echo "== reports over the year (5 runs each, seconds as curl measures them)"
time_report "revenue by service and month (net, VAT, gross)" \
    "{\"dimensions\":[\"month\",\"service\"],\"measures\":[\"amountNet\",\"vat\",\"amountGross\"],$YEAR}"
time_report "top 20 clients by amount" \
    "{\"dimensions\":[\"client\"],\"measures\":[\"amountNet\",\"calls\",\"billedMinutes\"],\"sort\":\"amountNet\",\"limit\":20,$YEAR}"
time_report "operator workload by month, site, operator" \
    "{\"dimensions\":[\"month\",\"site\",\"operator\"],\"measures\":[\"calls\",\"billedMinutes\",\"amountNet\"],\"filters\":[{\"dimension\":\"component\",\"values\":[\"OPERATOR\"]}],$YEAR}"
time_report "trunk quality ASR/ACD by month and trunk" \
    "{\"dimensions\":[\"month\",\"trunk\"],\"measures\":[\"calls\",\"answeredCalls\",\"asr\",\"acd\"],$YEAR}"
time_report "rejects by reason and source" \
    "{\"dimensions\":[\"reason\",\"source\"],\"measures\":[\"rejects\"],\"filters\":[{\"dimension\":\"status\",\"values\":[\"REJECTED\"]}],$YEAR}"
time_report "amount by account (2,000 rows), whole year" \
    "{\"dimensions\":[\"account\"],\"measures\":[\"amountNet\",\"calls\"],$YEAR}"
time_report "calls by origin and time band, 2026-01-15..2026-12-14" \
    "{\"dimensions\":[\"callerOrigin\",\"timeBand\"],\"measures\":[\"calls\",\"averageDuration\"],\"from\":\"2026-01-15\",\"to\":\"2026-12-14\"}"
time_report "by week (daily facts), whole year" \
    "{\"dimensions\":[\"week\"],\"measures\":[\"calls\",\"amountNet\"],$YEAR}"
time_report "by day and service, one month (daily facts)" \
    "{\"dimensions\":[\"day\",\"service\"],\"measures\":[\"calls\",\"amountNet\"],\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"}"
echo "== drill-down: the calls of one account on one day (page of 50)"
for _ in 1 2 3; do
    curl -s -o /dev/null -w '%{time_total}\n' -u finance:finance -H 'Content-Type: application/json' \
         -d '{"query":{"dimensions":["day","account"],"measures":["calls"],"from":"2026-06-01","to":"2026-06-30"},"cell":{"day":"2026-06-15","account":"ACC-R0042"}}' \
         "http://127.0.0.1:$PORT/api/v1/reports/calls?size=50"
done
