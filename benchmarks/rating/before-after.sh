#!/usr/bin/env bash
# Rating in process, before and after (issue 13), side by side in one run on this machine.
# Builds the benchmarks jar of BASE (default 7b64efa, main before the faster rating) from `git archive` in a temporary
# directory and the jar of the working tree, then runs ru.ccbilling.benchmarks.RatingCpuTime (the ALL_SERVICES mix of
# RatingBenchmark.rateMix, 1 thread) alternately with each jar, ROUNDS times: before, after, before, after...
# Each run prints CDRs per CPU-second of the rating thread (what "per core" means on a shared machine) and per
# wall-second, and a SHA-256 of every result of the 100,000 CDRs: the two builds must print the same digest.
# With JMH=1 it then runs the JMH benchmark rateMix (ALL_SERVICES) with each jar, one after the other.
# Usage: benchmarks/rating/before-after.sh [rounds]        env: BASE=<commit> JMH=1 KEEP=1
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
BASE=${BASE:-7b64efa}
WORK=$(mktemp -d /tmp/rating-before-after.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

echo "== building the jar of $BASE (before) and of the working tree (after)"
mkdir -p "$WORK/before-src"
git archive "$BASE" | tar -x -C "$WORK/before-src"
[ -e admin-ui/node_modules ] && ln -s "$(readlink -f admin-ui/node_modules)" "$WORK/before-src/admin-ui/node_modules"
(cd "$WORK/before-src" && ./mvnw -B -o -q -pl benchmarks -am package -DskipTests -DskipUi > "$WORK/before-build.log" 2>&1) \
    || { tail -30 "$WORK/before-build.log"; exit 1; }
cp "$WORK/before-src/benchmarks/target/benchmarks.jar" "$WORK/before.jar"
./mvnw -B -o -q -pl benchmarks -am package -DskipTests -DskipUi > "$WORK/after-build.log" 2>&1 \
    || { tail -30 "$WORK/after-build.log"; exit 1; }
cp benchmarks/target/benchmarks.jar "$WORK/after.jar"
# the harness is new: its classes go in front of the jar of before (the fixture and the engine come from that jar)
mkdir -p "$WORK/harness/ru/ccbilling/benchmarks"
cp benchmarks/target/classes/ru/ccbilling/benchmarks/RatingCpuTime*.class "$WORK/harness/ru/ccbilling/benchmarks/"

echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs; $(java -version 2>&1 | head -1)"
run() {
    local which=$1
    local cp="$WORK/$which.jar"
    [ "$which" = before ] && cp="$WORK/harness:$cp"
    echo "-- $which, $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    java -Xms2g -Xmx2g -Dlabel="$which" -cp "$cp" ru.ccbilling.benchmarks.RatingCpuTime 20 5 6 2>/dev/null \
        | grep -E "^$which (round|median)" | tee -a "$WORK/results.txt"
}
for _ in $(seq 1 "$ROUNDS"); do
    run before
    run after
done

echo "== summary (medians of each run's median)"
awk '/ median: / {
        gsub(",", "", $3); gsub(",", "", $7);
        cpu[$1] = cpu[$1] " " $3; wall[$1] = wall[$1] " " $7; sha[$1] = $NF }
     function med(s,   a, n, i, j, t) { n = split(s, a, " ");
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
     END {
        b = med(cpu["before"]); a = med(cpu["after"]); bw = med(wall["before"]); aw = med(wall["after"]);
        printf "before: %d CDRs per CPU-second (runs:%s), %d per wall-second\n", b, cpu["before"], bw;
        printf "after:  %d CDRs per CPU-second (runs:%s), %d per wall-second\n", a, cpu["after"], aw;
        printf "ratio after/before: %.2f by CPU time, %.2f by wall time (target 200/129 = 1.55)\n", a / b, aw / bw;
        printf "results identical: %s (%s)\n", sha["before"] == sha["after"] ? "yes" : "NO", sha["after"] }' "$WORK/results.txt"

if [ -n "${JMH:-}" ]; then
    for which in before after; do
        echo "== JMH rateMix ALL_SERVICES, $which, $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
        java -jar "$WORK/$which.jar" 'RatingBenchmark.rateMix$' -p services=ALL_SERVICES 2>/dev/null \
            | grep -E "^(Benchmark|RatingBenchmark)"
    done
fi
