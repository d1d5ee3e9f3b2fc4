#!/usr/bin/env bash
# What the report facts cost CDR intake (issue 19): one platform on an empty embedded PostgreSQL, IntakeLoad
# (BENCHMARKS.md, CDR intake) warmed up, then runs of N records alternately with the facts triggers on cdr enabled
# and disabled (ALTER TABLE cdr DISABLE TRIGGER ...), each printing records/s, latency and the CPU the platform's
# JVM and its PostgreSQL (the postmaster, its children and the children it reaped) spent per stored record, from the
# utime+stime ticks of /proc/<pid>/stat before and after the run.
# Build first: ./mvnw -q -pl rating-service,benchmarks -am package -DskipTests -DskipUi
# APP_ARGS: more arguments for the platform, e.g. --ccbilling.reports.fold-interval=60s
# Usage: benchmarks/reports/intake.sh [records per run] [http-port] [postgres-port] [pairs of runs]
#        (default 200000 28491 28492 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
RECORDS=${1:-200000}
PORT=${2:-28491}
PG_PORT=${3:-28492}
PAIRS=${4:-2}
DATA=$(mktemp -d /tmp/reports-intake.XXXXXX)
JAR=${JAR:-rating-service/target/rating-service-1.0.0-SNAPSHOT-exec.jar}
LOAD=${LOAD:-benchmarks/target/benchmarks.jar}
java -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
     --ccbilling.embedded-db.dir="$DATA/db" --ccbilling.embedded-db.port="$PG_PORT" ${APP_ARGS:-} > "$DATA/app.log" 2>&1 &
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
# CPU ticks (utime + stime) of the JVM, and of the postmaster with every child (children that ended count in its
# cutime + cstime)
ticks() {
    local pm
    pm=$(head -1 "$(find "$DATA" -name postmaster.pid | head -1)")
    local app pg=0
    app=$(awk '{print $14 + $15}' /proc/$APP/stat)
    pg=$(awk '{print $14 + $15 + $16 + $17}' /proc/$pm/stat)
    for child in $(cat /proc/$pm/task/*/children); do
        pg=$((pg + $(awk '{print $14 + $15}' /proc/$child/stat 2>/dev/null || echo 0)))
    done
    echo "$app $pg"
}
HZ=$(getconf CLK_TCK)
load() {
    local before after
    read -r -a before <<< "$(ticks)"
    java -Xmx2g -cp "$LOAD" ru.ccbilling.benchmarks.IntakeLoad --url "http://127.0.0.1:$PORT" --api-key demo-api-key \
         --records "$RECORDS" --warmup "$2" --seed "$1" | grep -E "records in .* requests|latency|outcomes" | tr '\n' ' '
    read -r -a after <<< "$(ticks)"
    awk -v a="$(( after[0] - before[0] ))" -v p="$(( after[1] - before[1] ))" -v n="$RECORDS" -v hz="$HZ" \
        'BEGIN { printf "| CPU per record: app %.1f µs, PostgreSQL %.1f µs\n", a * 1e6 / hz / n, p * 1e6 / hz / n }'
}
echo "== $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warm-up: facts on"; RECORDS_SAVED=$RECORDS; RECORDS=100000; load 100 0; RECORDS=$RECORDS_SAVED
for pair in $(seq 1 "$PAIRS"); do
    triggers enable;  echo "== run $((2 * pair - 1)): facts on";  load $((2 * pair - 1)) 0
    triggers disable; echo "== run $((2 * pair)): facts off"; load $((2 * pair)) 0
done
triggers enable
echo "== $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
$PSQL -tA -c "select 'facts: ' || (select count(*) from report_call_day) || ' call-days, ' || (select sum(calls) from report_call_day) + (select coalesce(sum(calls), 0) from report_call_pending) || ' calls counted (' || (select count(*) from report_call_pending) || ' rows pending), ' || (select count(*) from cdr) || ' CDRs stored'"
