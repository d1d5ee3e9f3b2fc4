#!/usr/bin/env bash
# Issue 20's throughput target, per instance: one platform instance takes the same realistic mix through Kafka
# (KafkaIntakeLoad: produce to ccbilling.cdrs, read every outcome back) and through HTTP (IntakeLoad: batches of
# 1,000 over 4 connections), alternating, in one session on one database, and the ratio Kafka / HTTP of each pair.
#
# "Per instance" means the broker is not on the instance's machine. On a 2-core machine the script therefore gives
# the instance and its PostgreSQL (the embedded one: its processes inherit the JVM's affinity) core 1, and the broker
# and the load clients core 0 (taskset), the same for both paths. CPU per record (utime+stime from /proc/<pid>/stat)
# is printed for the instance's JVM and its PostgreSQL, and the report-fact rows appended per record (facts/CDR: a
# chunk of several switches' records groups into more of them).
#
# Build first: ./mvnw -q -pl rating-service,benchmarks -am package -DskipTests -DskipUi
# Usage: benchmarks/kafka/per-instance.sh [records] [rounds] [concurrency]   (default 1000000 2 4)
#   env: WARMUP (records through each path before the rounds, default 300000), PORT, PG_PORT,
#        INSTANCE_CPU (default 1), LOAD_CPU (default 0), APP_JVM (the instance's JVM options, default
#        -Xms2g -Xmx2g: a heap fixed at its size, as the Dockerfile starts it),
#        APP_ARGS (more platform options), KAFKA_ARGS and
#        HTTP_ARGS (more options of KafkaIntakeLoad and IntakeLoad)
set -euo pipefail
cd "$(dirname "$0")/../.."
RECORDS=${1:-1000000}
ROUNDS=${2:-2}
CONCURRENCY=${3:-4}
WARMUP=${WARMUP:-300000}
PORT=${PORT:-28511}
PG_PORT=${PG_PORT:-28512}
INSTANCE_CPU=${INSTANCE_CPU:-1}
LOAD_CPU=${LOAD_CPU:-0}
JAR=${JAR:-rating-service/target/rating-service-1.0.0-SNAPSHOT-exec.jar}
LOAD=${LOAD:-benchmarks/target/benchmarks.jar}
DATA=$(mktemp -d /tmp/kafka-per-instance.XXXXXX)
HZ=$(getconf CLK_TCK)

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(java -version 2>&1 | head -1)"
echo "records $RECORDS, rounds $ROUNDS, concurrency $CONCURRENCY, warm-up $WARMUP; load average $(cut -d' ' -f1-3 /proc/loadavg)"

taskset -c "$LOAD_CPU" java -Xmx1g -cp "$LOAD" ru.ccbilling.benchmarks.KafkaBroker 0 4 > "$DATA/broker.log" 2>&1 &
BROKER=$!
APP=
trap 'kill $APP $BROKER 2>/dev/null; wait 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
    grep -q 'Kafka broker on' "$DATA/broker.log" && break
    sleep 1
done
BOOTSTRAP=$(sed -n 's/^Kafka broker on \([^,]*\),.*/\1/p' "$DATA/broker.log")  # the broker picks its port

taskset -c "$INSTANCE_CPU" java ${APP_JVM:--Xms2g -Xmx2g} -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
    --ccbilling.embedded-db.dir="$DATA/db" --ccbilling.embedded-db.port="$PG_PORT" \
    --ccbilling.kafka.enabled=true --ccbilling.kafka.bootstrap-servers="$BOOTSTRAP" \
    --ccbilling.kafka.concurrency="$CONCURRENCY" ${APP_ARGS:-} > "$DATA/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
    sleep 1
done

facts() { # rows ever appended to the pending report facts (calls and lines)
    psql -q -X -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d ccbilling -c "select coalesce(sum(n_tup_ins), 0)
        from pg_stat_user_tables where relname in ('report_call_pending', 'report_line_pending')"
}

ticks() { # CPU ticks of the JVM, and of the postmaster with every child (ended children count in its cutime+cstime)
    local pm app pg
    pm=$(head -1 "$(find "$DATA/db" -name postmaster.pid | head -1)")
    app=$(awk '{print $14 + $15}' /proc/$APP/stat)
    pg=$(awk '{print $14 + $15 + $16 + $17}' /proc/$pm/stat)
    for child in $(cat /proc/$pm/task/*/children); do
        pg=$((pg + $(awk '{print $14 + $15}' /proc/$child/stat 2>/dev/null || echo 0)))
    done
    echo "$app $pg"
}

kafka_run() { # records → CDRs/s
    taskset -c "$LOAD_CPU" java -Xmx4g -cp "$LOAD" ru.ccbilling.benchmarks.KafkaIntakeLoad \
        --bootstrap "$BOOTSTRAP" --records "$1" ${KAFKA_ARGS:-} > "$DATA/kafka.out" 2>&1
    sed -n 's/.* outcomes in .* s: \([0-9]*\) CDRs\/s/\1/p' "$DATA/kafka.out"
}

http_run() { # records → records/s
    taskset -c "$LOAD_CPU" java -Xmx3g -cp "$LOAD" ru.ccbilling.benchmarks.IntakeLoad \
        --url "http://127.0.0.1:$PORT" --records "$1" --warmup 0 ${HTTP_ARGS:-} > "$DATA/http.out" 2>&1
    sed -n 's/.* requests in .* s: \([0-9]*\) records\/s/\1/p' "$DATA/http.out"
}

gc_seconds() { # the JVM's time in garbage collection so far (jstat's GCT)
    jstat -gc "$APP" | awk 'NR == 2 { print $NF }'
}

measured() { # path records → "rate app-µs pg-µs fact-rows-per-record gc-µs"
    local before after rate f0 f1 g0 g1
    f0=$(facts)
    g0=$(gc_seconds)
    before=$(ticks)
    rate=$("$1"_run "$2")
    after=$(ticks)
    g1=$(gc_seconds)
    sleep 1; f1=$(facts)   # the statistics arrive a moment late
    set -- $before $after "$2" "$rate" "$f0" "$f1" "$g0" "$g1"
    awk -v a0="$1" -v p0="$2" -v a1="$3" -v p1="$4" -v n="$5" -v r="$6" -v f0="$7" -v f1="$8" -v g0="$9" -v g1="${10}" \
        -v hz="$HZ" 'BEGIN { printf "%s %.1f %.1f %.3f %.1f", r, (a1 - a0) / hz / n * 1e6, (p1 - p0) / hz / n * 1e6,
                            (f1 - f0) / n, (g1 - g0) / n * 1e6 }'
}

# the same switches on both paths: Kafka's names (as many on each partition), and over HTTP each request one switch's
# batch under an API key for them (as switches post their own records); HTTP_SOURCES=mix keeps the fixture's two
echo "warm-up: kafka $(kafka_run "$WARMUP")/s"
if [ "${HTTP_SOURCES:-kafka}" = kafka ]; then
    NAMES=$(sed -n 's/^[0-9]* sources, .* partitions: //p' "$DATA/kafka.out")
    SECRET=$(curl -sf -u admin:admin -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$PORT/api/v1/admin/api-keys" \
        -d "{\"name\":\"bench-$$\",\"roles\":[\"API_CLIENT\"],\"sources\":[\"${NAMES//,/\",\"}\"]}" | jq -r .secret)
    HTTP_ARGS="--api-key $SECRET --sources $NAMES ${HTTP_ARGS:-}"
    echo "sources on both paths: $NAMES"
fi
echo "warm-up: http $(http_run "$WARMUP")/s"
echo "JVM: ${APP_JVM:--Xms2g -Xmx2g}; gc-µs: the JVM's garbage collection per record (wall time, within app-µs)"
printf '%-6s %-6s %10s %10s %10s %12s %8s %8s\n' round path CDRs/s app-µs pg-µs facts/CDR gc-µs ratio
# the order alternates (Kafka first in odd rounds, HTTP first in even ones): PostgreSQL's cost per record drifts as
# the tables grow and checkpoints come, and a fixed order would give that drift to one path
for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) -eq 1 ]; then
        read -r k ka kp kf kg <<< "$(measured kafka "$RECORDS")"
        read -r h ha hp hf hg <<< "$(measured http "$RECORDS")"
    else
        read -r h ha hp hf hg <<< "$(measured http "$RECORDS")"
        read -r k ka kp kf kg <<< "$(measured kafka "$RECORDS")"
    fi
    printf '%-6s %-6s %10s %10s %10s %12s %8s\n' "$round" kafka "$k" "$ka" "$kp" "$kf" "$kg"
    printf '%-6s %-6s %10s %10s %10s %12s %8s %8s\n' "$round" http "$h" "$ha" "$hp" "$hf" "$hg" \
        "$(awk -v k="$k" -v h="$h" 'BEGIN { printf "%.2f", k / h }')"
done
grep -h 'latency\|outcomes:' "$DATA/kafka.out" "$DATA/http.out" | sed 's/^/last runs: /'
