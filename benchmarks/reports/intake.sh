#!/usr/bin/env bash
# What the report facts cost CDR intake (issue 19). Two platforms side by side, each on its own empty embedded
# PostgreSQL, the same jar: J groups each chunk's facts in Java (cdr.ReportFactsAtIntake, the default); T runs with
# --ccbilling.reports.facts-at-intake=false, once with rating V120's statement trigger on cdr put back (triggers.sql,
# the previous design: "triggers") and once with no facts at all ("none", the trigger disabled). Both are warmed up
# with IntakeLoad (BENCHMARKS.md, CDR intake), then each pair of runs is J, T with the trigger, T without, N records
# each, each printing records/s, latency and the CPU the platform's JVM and its PostgreSQL (the postmaster, its
# children and the children it reaped) spent per stored record, from the utime+stime ticks of /proc/<pid>/stat
# before and after the run.
# Build first: ./mvnw -q -pl rating-service,benchmarks -am package -DskipTests -DskipUi
# APP_ARGS: more arguments for both platforms, e.g. --ccbilling.reports.fold-interval=60s
# Usage: benchmarks/reports/intake.sh [records per run] [http-port] [postgres-port] [runs of each]
#        (default 200000 28491 28492 2; T uses the ports + 10)
set -euo pipefail
cd "$(dirname "$0")/../.."
RECORDS=${1:-200000}
PORT=${2:-28491}
PG_PORT=${3:-28492}
PAIRS=${4:-2}
DATA=$(mktemp -d /tmp/reports-intake.XXXXXX)
JAR=${JAR:-rating-service/target/rating-service-1.0.0-SNAPSHOT-exec.jar}
LOAD=${LOAD:-benchmarks/target/benchmarks.jar}
declare -A PID HTTP PGP
start() { # name port pg-port args...
    local name=$1 port=$2 pg=$3
    shift 3
    mkdir -p "$DATA/$name"
    java -jar "$JAR" --spring.profiles.active=demo --server.port="$port" \
         --ccbilling.embedded-db.dir="$DATA/$name/db" --ccbilling.embedded-db.port="$pg" ${APP_ARGS:-} "$@" \
         > "$DATA/$name/app.log" 2>&1 &
    PID[$name]=$!
    HTTP[$name]=$port
    PGP[$name]=$pg
}
start J "$PORT" "$PG_PORT"
start T $((PORT + 10)) $((PG_PORT + 10)) --ccbilling.reports.facts-at-intake=false
trap 'kill ${PID[J]} ${PID[T]} 2>/dev/null; wait 2>/dev/null || true; rm -rf "$DATA"' EXIT
for name in J T; do
    for _ in $(seq 1 240); do
        curl -sf "http://127.0.0.1:${HTTP[$name]}/actuator/health" > /dev/null && break
        sleep 1
    done
done
psql_of() { psql -q -h 127.0.0.1 -p "${PGP[$1]}" -U postgres -d ccbilling "${@:2}"; }
psql_of T -f benchmarks/reports/triggers.sql
trigger() { psql_of T -c "alter table cdr $1 trigger cdr_report_facts_insert"; }
# CPU ticks (utime + stime) of a platform's JVM, and of its postmaster with every child (children that ended count
# in its cutime + cstime)
ticks() {
    local pm app pg
    pm=$(head -1 "$(find "$DATA/$1" -name postmaster.pid | head -1)")
    app=$(awk '{print $14 + $15}' /proc/${PID[$1]}/stat)
    pg=$(awk '{print $14 + $15 + $16 + $17}' /proc/$pm/stat)
    for child in $(cat /proc/$pm/task/*/children); do
        pg=$((pg + $(awk '{print $14 + $15}' /proc/$child/stat 2>/dev/null || echo 0)))
    done
    echo "$app $pg"
}
HZ=$(getconf CLK_TCK)
load() { # platform seed records
    local before after
    read -r -a before <<< "$(ticks "$1")"
    java -Xmx2g -cp "$LOAD" ru.ccbilling.benchmarks.IntakeLoad --url "http://127.0.0.1:${HTTP[$1]}" \
         --api-key demo-api-key --records "$3" --warmup 0 --seed "$2" | grep -E "records in .* requests|latency|outcomes" | tr '\n' ' '
    read -r -a after <<< "$(ticks "$1")"
    awk -v a="$(( after[0] - before[0] ))" -v p="$(( after[1] - before[1] ))" -v n="$3" -v hz="$HZ" \
        'BEGIN { printf "| CPU per record: app %.1f µs, PostgreSQL %.1f µs\n", a * 1e6 / hz / n, p * 1e6 / hz / n }'
}
echo "== $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(lscpu | grep 'Model name' | sed 's/  */ /g')"
echo "== warm-up J: facts in Java"; load J 100 100000
echo "== warm-up T: facts by the trigger"; load T 101 100000
for pair in $(seq 1 "$PAIRS"); do
    echo "== run $pair: J, facts grouped in Java";  load J $((10 * pair)) "$RECORDS"
    trigger enable;  echo "== run $pair: T, facts by the trigger"; load T $((10 * pair + 1)) "$RECORDS"
    trigger disable; echo "== run $pair: T, no facts"; load T $((10 * pair + 2)) "$RECORDS"
    trigger enable
    echo "== load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "== $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
sleep 6 # a fold
for name in J T; do
    psql_of "$name" -tA -c "select '$name facts: ' || (select count(*) from report_call_day) || ' call-days, ' || (select coalesce(sum(calls), 0) from report_call_day) + (select coalesce(sum(calls), 0) from report_call_pending) || ' calls counted (' || (select count(*) from report_call_pending) || ' rows pending), ' || (select count(*) from cdr) || ' CDRs stored'"
done
