#!/usr/bin/env bash
# Benchmarks `relock compile --generate-hashes` against pip's resolver on a synthetic index.
#
#   bench/compile-bench.sh            # defaults below; prints a Markdown table
#   RUNS=3 ROOTS=20 bench/compile-bench.sh
#
# Reproducible: the index is SyntheticIndex for a fixed seed (>=300 projects, 10-60 releases each,
# markers, extras, yanked releases and planted conflicts that force backtracking), served by
# LocalIndexServerMain with a fixed per-request latency; requirements.in is derived from it
# deterministically. Needs java 17+, maven, python3 with pip, and GNU time (installed if missing).
set -euo pipefail

RUNS=${RUNS:-5}
SEED=${SEED:-42}
LATENCY_MS=${LATENCY_MS:-20}
ROOTS=${ROOTS:-30}
PYTHON_VERSION=${PYTHON_VERSION:-$(python3 -c 'import platform; print(platform.python_version())')}
JAVA_OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)

cd "$(dirname "$0")/.."
ROOT_DIR=$(pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/relock-bench.XXXXXX")
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

log() { echo "bench: $*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
    log "installing GNU time"
    apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi

# (a) build the jar (tests compiled, not run) and get the test classpath for the index server
log "building"
mvn -B -ntp -o -q -DskipTests package
if ! mvn -B -ntp -o -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null 2>&1; then
    log "maven-dependency-plugin not in ~/.m2 yet: one online run"
    mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
fi
CP="$ROOT_DIR/target/test-classes:$ROOT_DIR/target/classes:$(cat "$WORK/cp.txt")"
JAR="$ROOT_DIR/target/relock.jar"

# (b) the index
java -cp "$CP" dev.relock.testing.index.LocalIndexServerMain --seed "$SEED" --latency-ms "$LATENCY_MS" \
    --write-scenario "$WORK/scenario.json" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 1 300); do
    [[ -s "$WORK/server.out" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.err" >&2; exit 1; }
    sleep 0.1
done
URL=$(head -n1 "$WORK/server.out")
log "index at $URL (seed $SEED, ${LATENCY_MS} ms latency)"

# (c) a deterministic requirements.in: every third of the first projects (the generator puts
# "applications" with deep dependency trees first)
PROJECT="$WORK/project"
mkdir -p "$PROJECT"
python3 - "$WORK/scenario.json" "$ROOTS" >"$PROJECT/requirements.in" <<'PY'
import json, sys
projects = json.load(open(sys.argv[1]))["projects"]
roots = int(sys.argv[2])
names = [p["name"] for p in projects][: roots * 3 : 3]
print("\n".join(names))
PY
echo "$PYTHON_VERSION" >"$PROJECT/.python-version"
log "$(wc -l <"$PROJECT/requirements.in") root projects, target Python $PYTHON_VERSION"

# timed RESULT_FILE CMD...: runs CMD in $PROJECT, appends "wall max_rss_kb user sys" to RESULT_FILE
timed() {
    local out=$1; shift
    if ! (cd "$PROJECT" && /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$@" >"$WORK/cmd.out" 2>"$WORK/cmd.err"); then
        log "command failed: $*"; tail -n 20 "$WORK/cmd.err" >&2; exit 1
    fi
    cat "$WORK/time.txt" >>"$out"
}

# An untimed run first: the server builds its distributions on first request, and this run also
# records the class-data-sharing archive the Docker image ships (-XX:ArchiveClassesAtExit).
log "warm-up run (server warm-up, AppCDS archive)"
(cd "$PROJECT" && java "${JAVA_OPTS[@]}" -XX:ArchiveClassesAtExit="$WORK/relock.jsa" -jar "$JAR" compile -q \
    --generate-hashes --cache-dir "$WORK/cache-warmup" -i "$URL" requirements.in -o "$WORK/warmup.txt") >/dev/null 2>&1
CDS=(-XX:SharedArchiveFile="$WORK/relock.jsa")

# relock_runs NAME [JVM flags...]: cold (empty cache, no output) and warm (cache kept, existing
# output, nothing changed) compiles, $RUNS each
relock_runs() {
    local name=$1; shift
    local flags=("$@")
    for i in $(seq 1 "$RUNS"); do
        rm -rf "$WORK/cache-cold" "$PROJECT/requirements.txt"
        timed "$WORK/$name-cold.txt" java "${flags[@]}" -jar "$JAR" compile -q --generate-hashes \
            --cache-dir "$WORK/cache-cold" -i "$URL" requirements.in
    done
    cp "$PROJECT/requirements.txt" "$WORK/$name-lock.txt"
    for i in $(seq 1 "$RUNS"); do
        timed "$WORK/$name-warm.txt" java "${flags[@]}" -jar "$JAR" compile -q --generate-hashes \
            --cache-dir "$WORK/cache-cold" -i "$URL" requirements.in
    done
    cmp -s "$PROJECT/requirements.txt" "$WORK/$name-lock.txt" || { log "warm output differs from cold output"; exit 1; }
}
log "relock runs"
relock_runs relock "${JAVA_OPTS[@]}"
relock_runs relock-cds "${JAVA_OPTS[@]}" "${CDS[@]}"
PINS=$(grep -c '==' "$PROJECT/requirements.txt")

# pip's resolver, cold
log "pip runs"
for i in $(seq 1 "$RUNS"); do
    timed "$WORK/pip-cold.txt" env -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null \
        python3 -m pip install --isolated --disable-pip-version-check --no-cache-dir --dry-run --ignore-installed \
        --report /dev/null --index-url "$URL" -r requirements.in
done

python3 - "$WORK" "$RUNS" "$PINS" "$LATENCY_MS" "$SEED" "$(wc -l <"$PROJECT/requirements.in")" "${JAVA_OPTS[*]}" \
    "$(nproc) CPUs, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import statistics, sys
work, runs, pins, latency, seed, roots, flags, load_avg = sys.argv[1:9]
def load(name):
    rows = [l.split() for l in open(f"{work}/{name}.txt") if l.strip()]
    return (statistics.median(float(r[0]) for r in rows), max(int(r[1]) for r in rows) / 1024,
            statistics.median(float(r[2]) + float(r[3]) for r in rows))
rc, rc_rss, rc_cpu = load("relock-cold")
rw, rw_rss, rw_cpu = load("relock-warm")
cc, cc_rss, cc_cpu = load("relock-cds-cold")
cw, cw_rss, cw_cpu = load("relock-cds-warm")
pc, pc_rss, pc_cpu = load("pip-cold")
print(f"Synthetic index (seed {seed}, {latency} ms latency per request), {roots} roots, {pins} pinned packages;")
print(f"median wall time of {runs} runs, peak RSS over the runs. JVM flags: {flags}. {load_avg}\n")
print("| run | median wall time | median CPU (user+sys) | peak RSS |")
print("|---|---:|---:|---:|")
print(f"| relock compile --generate-hashes, cold cache | {rc:.2f} s | {rc_cpu:.2f} s | {rc_rss:.0f} MiB |")
print(f"| relock compile --generate-hashes, warm cache, no change | {rw:.2f} s | {rw_cpu:.2f} s | {rw_rss:.0f} MiB |")
print(f"| same, cold, with the Docker image's AppCDS archive | {cc:.2f} s | {cc_cpu:.2f} s | {cc_rss:.0f} MiB |")
print(f"| same, warm, no change, with the AppCDS archive | {cw:.2f} s | {cw_cpu:.2f} s | {cw_rss:.0f} MiB |")
print(f"| pip install --dry-run --report (resolver only), cold | {pc:.2f} s | {pc_cpu:.2f} s | {pc_rss:.0f} MiB |")
print(f"\npip / relock, cold: {pc / rc:.1f}x (with AppCDS: {pc / cc:.1f}x)")
PY
