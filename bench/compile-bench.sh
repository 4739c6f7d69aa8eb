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

cd "$(dirname "$0")/.."
ROOT_DIR=$(pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/relock-bench.XXXXXX")
source "$ROOT_DIR/bench/lib.sh"
trap 'stop_server; rm -rf "$WORK"' EXIT

ensure_gnu_time
build_relock
start_server "$SEED" "$LATENCY_MS"

# a deterministic requirements.in: every third of the first projects (the generator puts
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

# An untimed run first: the server builds its distributions on first request, and this run also
# records the class-data-sharing archive, as the Docker image and the ./relock launcher do.
log "warm-up run (server warm-up, AppCDS archive)"
(cd "$PROJECT" && java "${JAVA_OPTS[@]}" "${QUIET_CDS[@]}" -XX:ArchiveClassesAtExit="$WORK/relock.jsa" -jar "$JAR" \
    compile -q --generate-hashes --cache-dir "$WORK/cache-warmup" -i "$URL" requirements.in -o "$WORK/warmup.txt") \
    >/dev/null 2>&1
CDS=(-XX:SharedArchiveFile="$WORK/relock.jsa")

# Cold (empty cache, no output) and warm (cache kept, existing output, nothing changed) compiles,
# $RUNS each, for the plain JVM and with the AppCDS archive. The two variants alternate run by
# run, so a machine that speeds up or slows down during the benchmark affects both alike.
compile_once() { # compile_once RESULT_FILE CACHE_DIR [JVM flags...]
    local out=$1 cache=$2; shift 2
    timed "$out" "$PROJECT" java "$@" -jar "$JAR" compile -q --generate-hashes --cache-dir "$cache" -i "$URL" \
        requirements.in
}
log "relock runs"
for i in $(seq 1 "$RUNS"); do
    for variant in relock relock-cds; do
        flags=("${JAVA_OPTS[@]}"); [[ $variant == relock-cds ]] && flags+=("${CDS[@]}")
        rm -rf "$WORK/cache-$variant" "$PROJECT/requirements.txt"
        compile_once "$WORK/$variant-cold.txt" "$WORK/cache-$variant" "${flags[@]}"
    done
done
cp "$PROJECT/requirements.txt" "$WORK/cold-lock.txt"
for i in $(seq 1 "$RUNS"); do
    for variant in relock relock-cds; do
        flags=("${JAVA_OPTS[@]}"); [[ $variant == relock-cds ]] && flags+=("${CDS[@]}")
        compile_once "$WORK/$variant-warm.txt" "$WORK/cache-$variant" "${flags[@]}"
    done
done
cmp -s "$PROJECT/requirements.txt" "$WORK/cold-lock.txt" || { log "warm output differs from cold output"; exit 1; }
PINS=$(grep -c '==' "$PROJECT/requirements.txt")

# pip's resolver, cold (no cache) and warm (its HTTP cache filled by one untimed run first)
log "pip runs"
PIP=(env -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null python3 -m pip install
     --isolated --disable-pip-version-check --dry-run --ignore-installed --report /dev/null --index-url "$URL"
     -r requirements.in)
for i in $(seq 1 "$RUNS"); do
    timed "$WORK/pip-cold.txt" "$PROJECT" "${PIP[@]}" --no-cache-dir
done
(cd "$PROJECT" && "${PIP[@]}" --cache-dir="$WORK/pip-cache" >/dev/null 2>&1)
for i in $(seq 1 "$RUNS"); do
    timed "$WORK/pip-warm.txt" "$PROJECT" "${PIP[@]}" --cache-dir="$WORK/pip-cache"
done

row() { # row LABEL NAME
    read -r wall rss cpu all <<<"$(summary "$2")"
    echo "| $1 | $wall s | $cpu s | $rss MiB | $all |"
}
echo "Synthetic index (seed $SEED, $LATENCY_MS ms latency per request), $(wc -l <"$PROJECT/requirements.in") roots, $PINS pinned packages;"
echo "median of $RUNS runs, peak RSS over the runs. JVM flags: ${JAVA_OPTS[*]}. $(nproc) CPUs, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | median wall time | median CPU (user+sys) | peak RSS | every run (s) |"
echo "|---|---:|---:|---:|---|"
row "relock compile --generate-hashes, cold cache" relock-cold
row "relock compile --generate-hashes, warm cache, no change" relock-warm
row "same, cold, with an AppCDS archive (as the launcher and the image)" relock-cds-cold
row "same, warm, no change, with the AppCDS archive" relock-cds-warm
row "pip install --dry-run --report (resolver only), cold" pip-cold
row "pip install --dry-run --report (resolver only), warm HTTP cache" pip-warm
python3 - "$(summary pip-cold)" "$(summary relock-cold)" "$(summary relock-cds-cold)" "$(summary pip-warm)" \
    "$(summary relock-warm)" "$(summary relock-cds-warm)" <<'PY'
import sys
pip, plain, cds, pip_warm, plain_warm, cds_warm = (float(a.split()[0]) for a in sys.argv[1:7])
print(f"\npip / relock, cold: {pip / plain:.1f}x (with AppCDS: {pip / cds:.1f}x)")
print(f"pip / relock, warm: {pip_warm / plain_warm:.1f}x (with AppCDS: {pip_warm / cds_warm:.1f}x)")
PY
