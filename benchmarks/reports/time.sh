#!/usr/bin/env bash
# Times reports through the API of a running platform (benchmarks/reports/run.sh starts one with a year of CDRs):
# signed in once as finance (a session, so that no request pays for HTTP Basic's password hash), five runs of each
# report, seconds as curl measures them; GET /api/v1/me alone for comparison (the cost of any request here).
# Usage: benchmarks/reports/time.sh [base-url]   (default http://127.0.0.1:28471)
set -euo pipefail
BASE=${1:-http://127.0.0.1:28471}
JAR_DIR=$(mktemp -d /tmp/reports-time.XXXXXX)
trap 'rm -rf "$JAR_DIR"' EXIT
COOKIES=$JAR_DIR/cookies
CSRF=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "username=finance&password=finance&_csrf=$CSRF" "$BASE/login"
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -H 'X-Requested-With: XMLHttpRequest' "$BASE/api/v1/me"
XSRF=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$COOKIES")
call() {
    curl -s -o "$JAR_DIR/answer.json" -w '%{time_total}' -c "$COOKIES" -b "$COOKIES" -H 'X-Requested-With: XMLHttpRequest' \
         -H "X-XSRF-TOKEN: $XSRF" -H 'Content-Type: application/json' "$@"
}
times=()
for _ in 1 2 3 4 5; do times+=("$(call "$BASE/api/v1/me")"); done
printf '%-55s              s: %s\n' "GET /api/v1/me (for comparison)" "${times[*]}"
time_report() {
    local name=$1 body=$2 times=()
    for _ in 1 2 3 4 5; do
        times+=("$(call -d "$body" "$BASE/api/v1/reports/query")")
    done
    printf '%-70s rows %6s   s: %s\n' "$name" "$(jq -r 'if .rows then (.rows | length | tostring) else "HTTP \(.status)" end' "$JAR_DIR/answer.json")" "${times[*]}"
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
time_report "by week, whole year (lean daily facts)" \
    "{\"dimensions\":[\"week\"],\"measures\":[\"calls\",\"amountNet\"],$YEAR}"
time_report "by day, whole year, net, VAT, gross (lean daily facts)" \
    "{\"dimensions\":[\"day\"],\"measures\":[\"calls\",\"amountNet\",\"vat\",\"amountGross\"],$YEAR}"
time_report "by week and time band, whole year, ASR/ACD (lean)" \
    "{\"dimensions\":[\"week\",\"timeBand\"],\"measures\":[\"calls\",\"asr\",\"acd\"],$YEAR}"
time_report "by week and site, whole year, OPERATOR lines (lean lines)" \
    "{\"dimensions\":[\"week\",\"site\"],\"measures\":[\"calls\",\"billedMinutes\",\"amountNet\"],\"filters\":[{\"dimension\":\"component\",\"values\":[\"OPERATOR\"]}],$YEAR}"
time_report "by week and source, whole year (lean daily facts, source kept)" \
    "{\"dimensions\":[\"week\",\"source\"],\"measures\":[\"calls\",\"amountNet\"],$YEAR}"
time_report "by week and account, whole year (facts by account and day)" \
    "{\"dimensions\":[\"week\",\"account\"],\"measures\":[\"calls\",\"amountNet\"],$YEAR}"
time_report "by week and client, whole year (106,000 rows: over max-rows, 400)" \
    "{\"dimensions\":[\"week\",\"client\"],\"measures\":[\"calls\",\"amountNet\",\"vat\",\"rejects\"],$YEAR}"
HUNDRED=$(for a in $(seq 0 20 1980); do printf '"ACC-R%04d",' "$a"; done | sed 's/,$//')
time_report "by week and account, 100 accounts, whole year (by account and day)" \
    "{\"dimensions\":[\"week\",\"account\"],\"measures\":[\"calls\",\"amountNet\",\"vat\",\"rejects\"],\"filters\":[{\"dimension\":\"account\",\"values\":[$HUNDRED]}],$YEAR}"
time_report "by day and client, one client, whole year (by account and day)" \
    "{\"dimensions\":[\"day\",\"client\"],\"measures\":[\"calls\",\"amountNet\",\"asr\"],\"filters\":[{\"dimension\":\"client\",\"values\":[\"ООО «Клиент 42»\"]}],$YEAR}"
time_report "by week and status, 2026-01-15..2026-12-14, every account named (by account and day)" \
    "{\"dimensions\":[\"week\",\"status\"],\"measures\":[\"calls\",\"rejects\",\"amountNet\"],\"filters\":[{\"dimension\":\"status\",\"values\":[\"RATED\",\"REJECTED\"]},{\"dimension\":\"account\",\"values\":[$HUNDRED]}],\"from\":\"2026-01-15\",\"to\":\"2026-12-14\"}"
time_report "by day and account, OPERATOR lines, one month (daily line facts)" \
    "{\"dimensions\":[\"day\",\"account\"],\"measures\":[\"calls\",\"amountNet\"],\"filters\":[{\"dimension\":\"component\",\"values\":[\"OPERATOR\"]}],\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"}"
time_report "by week, account and service, whole year (daily facts)" \
    "{\"dimensions\":[\"week\",\"account\",\"service\"],\"measures\":[\"calls\",\"amountNet\"],$YEAR}"
time_report "by day, one account, whole year (by account and day, as a salesperson's)" \
    "{\"dimensions\":[\"day\"],\"measures\":[\"calls\",\"amountNet\"],\"filters\":[{\"dimension\":\"account\",\"values\":[\"ACC-R0042\"]}],$YEAR}"
time_report "by day and service, one month (lean daily facts)" \
    "{\"dimensions\":[\"day\",\"service\"],\"measures\":[\"calls\",\"amountNet\"],\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"}"
echo "== as the salesperson 'sales' (their 200 accounts: every tenth), signed in the same way"
COOKIES=$JAR_DIR/sales-cookies
CSRF=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "username=sales&password=sales&_csrf=$CSRF" "$BASE/login"
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -H 'X-Requested-With: XMLHttpRequest' "$BASE/api/v1/me"
FIN_XSRF=$XSRF
XSRF=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$COOKIES")
time_report "salesperson: by day, whole year (by account and day)" \
    "{\"dimensions\":[\"day\"],\"measures\":[\"calls\",\"amountNet\",\"rejects\"],$YEAR}"
time_report "salesperson: by week and client, 2026-04-01..2026-06-30 (by account and day)" \
    "{\"dimensions\":[\"week\",\"client\"],\"measures\":[\"calls\",\"amountNet\"],\"from\":\"2026-04-01\",\"to\":\"2026-06-30\"}"
time_report "salesperson: by month and service, whole year (monthly facts)" \
    "{\"dimensions\":[\"month\",\"service\"],\"measures\":[\"calls\",\"amountNet\"],$YEAR}"
COOKIES=$JAR_DIR/cookies
XSRF=$FIN_XSRF
echo "== drill-down: the calls of one account on one day (page of 50)"
for _ in 1 2 3; do
    call -d '{"query":{"dimensions":["day","account"],"measures":["calls"],"from":"2026-06-01","to":"2026-06-30"},"cell":{"day":"2026-06-15","account":"ACC-R0042"}}' \
         "$BASE/api/v1/reports/calls?size=50"; echo
done
