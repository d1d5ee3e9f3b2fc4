#!/usr/bin/env bash
# What the report facts cost CDR intake (issue 19): one platform on an empty embedded PostgreSQL, IntakeLoad
# (BENCHMARKS.md, CDR intake) warmed up, then runs of N records alternately with the facts triggers on cdr enabled
# and disabled (ALTER TABLE cdr DISABLE TRIGGER ...), each printing records/s and latency.
# Build first: ./mvnw -q -pl rating-service,benchmarks -am package -DskipTests -DskipUi
# Usage: benchmarks/reports/intake.sh [records per run] [http-port] [postgres-port]   (default 200000 28491 28492)
set -euo pipefail
cd "$(dirname "$0")/../.."
RECORDS=${1:-200000}
PORT=${2:-28491}
PG_PORT=${3:-28492}
DATA=$(mktemp -d /tmp/reports-intake.XXXXXX)
JAR=${JAR:-rating-service/target/rating-service-1.0.0-SNAPSHOT-exec.jar}
LOAD=${LOAD:-benchmarks/target/benchmarks.jar}
java -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
     --ccbilling.embedded-db.dir="$DATA/db" --ccbilling.embedded-db.port="$PG_PORT" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
    sleep 1
done
PSQL="psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -d ccbilling"
triggers() {
    for t in insert update delete; do $PSQL -c "alter table cdr $1 trigger cdr_report_facts_$t"; done
}
load() {
    java -Xmx2g -cp "$LOAD" ru.ccbilling.benchmarks.IntakeLoad --url "http://127.0.0.1:$PORT" --api-key demo-api-key \
         --records "$RECORDS" --warmup "$2" --seed "$1" | grep -E "records in .* requests|latency|outcomes" | tr '\n' ' '
    echo
}
echo "== warm-up and run 1: facts on";   load 1 100000
triggers disable; echo "== run 2: facts off"; load 2 0
triggers enable;  echo "== run 3: facts on";  load 3 0
triggers disable; echo "== run 4: facts off"; load 4 0
triggers enable
$PSQL -tA -c "select 'facts: ' || (select count(*) from report_call_day) || ' call-days, ' || (select sum(calls) from report_call_day) || ' calls counted, ' || (select count(*) from cdr) || ' CDRs stored'"
