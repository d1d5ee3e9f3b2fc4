#!/usr/bin/env bash
# Issue 13's yardstick: CDR intake end to end against PostgreSQL's own COPY of narrow CDR rows, measured in one
# session on the same machine and the same PostgreSQL, one after the other, and the ratio of the two.
#
#  1. intake: the platform (demo profile, a fresh embedded PostgreSQL, fsync on) takes IntakeLoad's realistic mix in
#     batches of 1,000 over 4 connections (warm-up first), rates and stores it: records/s, and the CPU per record of
#     the platform's JVM and of its PostgreSQL (utime+stime of /proc/<pid>/stat before and after);
#  2. COPY: the same PostgreSQL loads the same number of narrow rated-CDR rows (13 columns: key, times, call type,
#     numbers, duration, account, status, tariff, total; ~110 bytes of text a row) into a table without indexes with
#     server-side COPY, (a) one stream in one transaction, (b) 4 sessions in transactions of 1,000 rows, as intake
#     commits;
#  3. the bytes per stored CDR: every relation of the cdr tables (cdr partitions, cdr_key, their indexes and TOAST,
#     the dictionaries and reject history: relations named cdr%), over the CDRs stored.
# Rounds of (intake, COPY) alternate ROUNDS times; the ratio is intake / the faster COPY of the same round.
#
# Build first: ./mvnw -q -pl rating-service,benchmarks -am package -DskipTests -DskipUi
# Usage: benchmarks/intake/ratio.sh [records] [rounds] [http-port] [postgres-port]   (default 300000 2 28501 28502)
set -euo pipefail
cd "$(dirname "$0")/../.."
RECORDS=${1:-300000}
ROUNDS=${2:-2}
PORT=${3:-28501}
PG_PORT=${4:-28502}
DATA=$(mktemp -d /tmp/intake-ratio.XXXXXX)
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
PSQL="psql -q -X -h 127.0.0.1 -p $PG_PORT -U postgres -d ccbilling"
HZ=$(getconf CLK_TCK)

ticks() { # CPU ticks of the JVM, and of the postmaster with every child (ended children count in its cutime+cstime)
    local pm app pg
    pm=$(head -1 "$(find "$DATA" -name postmaster.pid | head -1)")
    app=$(awk '{print $14 + $15}' /proc/$APP/stat)
    pg=$(awk '{print $14 + $15 + $16 + $17}' /proc/$pm/stat)
    for child in $(cat /proc/$pm/task/*/children); do
        pg=$((pg + $(awk '{print $14 + $15}' /proc/$child/stat 2>/dev/null || echo 0)))
    done
    echo "$app $pg"
}

# narrow rated-CDR rows as COPY text, split in files of 1,000 rows (the rows the intake benchmark sends, by shape)
ROWS="$DATA/rows"
mkdir -p "$ROWS"
awk -v n="$RECORDS" -v dir="$ROWS" 'BEGIN {
    srand(13); split("INBOUND_800 INBOUND_800 INBOUND_800 INBOUND_800 INBOUND_800 INBOUND_800 OUTBOUND OUTBOUND OUTBOUND FORWARD", types, " ");
    for (i = 0; i < n; i++) {
        if (i % 1000 == 0) { if (f) close(f); f = sprintf("%s/part-%06d.tsv", dir, i / 1000) }
        s = int(rand() * 2678400); d = 1 + int(rand() * 600);
        printf "pbx-msk-%d\tr%d-%d\t2026-03-%02d %02d:%02d:%02d+03\t2026-12-05 05:00:00+00\t%s\t7%010d\t7800%07d\t%d\tACC-%d\tRATED\tCC-STANDARD-2026\t1\t%d.%02d\n",
            i % 8, i % 8, i, 1 + int(s / 86400), int(s % 86400 / 3600), int(s % 3600 / 60), s % 60,
            types[1 + i % 10], int(rand() * 9999999999), int(rand() * 9999999), d, 1000 + i % 2000, d, i % 100 > f
    }
    close(f)
}'
cat "$ROWS"/part-*.tsv > "$DATA/all.tsv"
chmod -R a+rX "$DATA"
$PSQL -c "create table copy_yardstick (source text, cdr_id text, start_time timestamptz, received_at timestamptz,
          call_type text, caller text, called text, duration_sec integer, account_code text, status text,
          tariff_code text, tariff_version integer, total numeric(18, 2))" \
      -c "create table copy_yardstick_keyed (like copy_yardstick)" \
      -c "alter table copy_yardstick_keyed add primary key (source, cdr_id)" \
      -c "create index on copy_yardstick_keyed (account_code, start_time)"

copy_one() { # [table]
    local table=${1:-copy_yardstick}
    $PSQL -c "truncate $table" -c "checkpoint"
    local start end
    start=$(date +%s%N)
    $PSQL -c "copy $table from '$DATA/all.tsv'"
    end=$(date +%s%N)
    awk -v n="$RECORDS" -v ns="$((end - start))" 'BEGIN { printf "%.0f", n / (ns / 1e9) }'
}
copy_four() { # [table]
    local table=${1:-copy_yardstick}
    $PSQL -c "truncate $table" -c "checkpoint"
    local start end files
    files=("$ROWS"/part-*.tsv)
    start=$(date +%s%N)
    for s in 0 1 2 3; do
        (for ((k = s; k < ${#files[@]}; k += 4)); do echo "copy $table from '${files[$k]}';"; done | $PSQL) &
    done
    wait
    end=$(date +%s%N)
    awk -v n="$RECORDS" -v ns="$((end - start))" 'BEGIN { printf "%.0f", n / (ns / 1e9) }'
}
intake() {
    local before after out
    read -r -a before <<< "$(ticks)"
    out=$(java -Xmx2g -cp "$LOAD" ru.ccbilling.benchmarks.IntakeLoad --url "http://127.0.0.1:$PORT" \
               --api-key demo-api-key --records "$2" --seed "$1")
    read -r -a after <<< "$(ticks)"
    echo "$out" | grep -E "records in .* requests|latency|outcomes" | sed 's/^/   /' >&2
    awk -v a="$(( after[0] - before[0] ))" -v p="$(( after[1] - before[1] ))" -v n="$2" -v hz="$HZ" \
        'BEGIN { printf "   CPU per record: app %.1f µs, PostgreSQL %.1f µs\n", a * 1e6 / hz / n, p * 1e6 / hz / n }' >&2
    echo "$out" | sed -n 's/.* \([0-9][0-9]*\) records\/s.*/\1/p' | head -1
}

echo "== $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warm-up: 100,000 records through intake"
intake 100 100000 > /dev/null 2>&1
for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round ($(date -u +%T), load average $(cut -d' ' -f1-3 /proc/loadavg))"
    rate=$(intake "$round" "$RECORDS")
    one=$(copy_one)
    four=$(copy_four)
    kone=$(copy_one copy_yardstick_keyed)
    kfour=$(copy_four copy_yardstick_keyed)
    best=$(( one > four ? one : four ))
    kbest=$(( kone > kfour ? kone : kfour ))
    printf "   intake %s records/s\n" "$rate"
    printf "   COPY, no index:                  %s rows/s in one stream, %s rows/s in 4 sessions x 1,000-row transactions\n" "$one" "$four"
    printf "   COPY, key + account index:       %s rows/s in one stream, %s rows/s in 4 sessions x 1,000-row transactions\n" "$kone" "$kfour"
    awk -v r="$rate" -v b="$best" -v k="$kbest" \
        'BEGIN { printf "   RATIO intake / COPY with the key and account index = %.2f (against COPY without an index: %.2f)\n", r / k, r / b }'
done
$PSQL -c "drop table copy_yardstick" -c "drop table copy_yardstick_keyed"
$PSQL -tA -c "select 'stored: ' || (select count(*) from cdr) || ' CDRs, '
                  || pg_size_pretty(sum(pg_total_relation_size(c.oid))) || ' in the cdr relations, '
                  || round(sum(pg_total_relation_size(c.oid)) / greatest((select count(*) from cdr), 1)) || ' bytes per CDR'
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = current_schema() and c.relkind in ('r', 'm') and c.relname like 'cdr%'"
echo "== $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
