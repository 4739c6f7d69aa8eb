#!/usr/bin/env bash
# Benchmarks `relock verify` on a 300-pin lockfile against a synthetic PyPI-shaped index.
#
#   bench/verify-bench.sh             # defaults below; prints a Markdown table
#   RUNS=3 LATENCY_MS=50 bench/verify-bench.sh
#
# Reproducible: SyntheticIndex for a fixed seed (300 projects, 10-60 releases each), served by
# LocalIndexServerMain with a fixed latency per request. requirements.in names every project; it is
# compiled once (untimed) into a hashed lockfile, which every run then verifies with all checks
# (pinned, hashed, hash-match, fresh, python-pin, install-hygiene): every project page and the core
# metadata of every pin are fetched. "No cache" runs pass --no-cache, so each fetches everything.
# Needs java 17+, maven, python3 and GNU time (installed if missing).
set -euo pipefail

RUNS=${RUNS:-5}
SEED=${SEED:-7}
LATENCY_MS=${LATENCY_MS:-20}
PYTHON_VERSION=${PYTHON_VERSION:-3.11.7}

cd "$(dirname "$0")/.."
ROOT_DIR=$(pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/relock-bench.XXXXXX")
source "$ROOT_DIR/bench/lib.sh"
trap 'stop_server; rm -rf "$WORK"' EXIT

ensure_gnu_time
build_relock
start_server "$SEED" "$LATENCY_MS"

PROJECT="$WORK/project"
mkdir -p "$PROJECT"
python3 - "$WORK/scenario.json" >"$PROJECT/requirements.in" <<'PY'
import json, sys
print("\n".join(p["name"] for p in json.load(open(sys.argv[1]))["projects"]))
PY
echo "$PYTHON_VERSION" >"$PROJECT/.python-version"
log "compiling the lockfile ($(wc -l <"$PROJECT/requirements.in") projects named in requirements.in)"
(cd "$PROJECT" && java "${JAVA_OPTS[@]}" -jar "$JAR" compile -q --generate-hashes --cache-dir "$WORK/cache-compile" \
    -i "$URL" requirements.in)
PINS=$(grep -c '==' "$PROJECT/requirements.txt")
log "$PINS pins"

# The class-data-sharing archive, recorded by one verify run as the launcher does on first use.
(cd "$PROJECT" && java "${JAVA_OPTS[@]}" "${QUIET_CDS[@]}" -XX:ArchiveClassesAtExit="$WORK/relock.jsa" -jar "$JAR" \
    verify --no-cache requirements.txt) >/dev/null 2>&1
CDS=(-XX:SharedArchiveFile="$WORK/relock.jsa")

# No-cache and warm-cache runs, $RUNS each, for the plain JVM and with the AppCDS archive; the two
# variants alternate run by run, so drifts in the machine's speed affect both alike.
verify_once() { # verify_once RESULT_FILE CACHE_OPTION [JVM flags...]
    local out=$1 cache=$2; shift 2
    timed "$out" "$PROJECT" java "$@" -jar "$JAR" verify "$cache" requirements.txt
    grep -q "0 errors, 0 warnings" "$WORK/cmd.out" || { log "verify did not pass cleanly:"; cat "$WORK/cmd.out" >&2; exit 1; }
}
log "verify runs"
for i in $(seq 1 "$RUNS"); do
    verify_once "$WORK/relock-nocache.txt" --no-cache "${JAVA_OPTS[@]}"
    verify_once "$WORK/relock-cds-nocache.txt" --no-cache "${JAVA_OPTS[@]}" "${CDS[@]}"
done
rm -rf "$WORK/cache-warm"
(cd "$PROJECT" && java "${JAVA_OPTS[@]}" -jar "$JAR" verify --cache-dir "$WORK/cache-warm" requirements.txt >/dev/null)
for i in $(seq 1 "$RUNS"); do
    verify_once "$WORK/relock-warm.txt" --cache-dir="$WORK/cache-warm" "${JAVA_OPTS[@]}"
    verify_once "$WORK/relock-cds-warm.txt" --cache-dir="$WORK/cache-warm" "${JAVA_OPTS[@]}" "${CDS[@]}"
done

row() { # row LABEL NAME
    read -r wall rss cpu all <<<"$(summary "$2")"
    echo "| $1 | $wall s | $cpu s | $rss MiB | $all |"
}
echo "Synthetic index (seed $SEED, $LATENCY_MS ms latency per request), $PINS pins, every check;"
echo "median of $RUNS runs, peak RSS over the runs. JVM flags: ${JAVA_OPTS[*]}. $(nproc) CPUs, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | median wall time | median CPU (user+sys) | peak RSS | every run (s) |"
echo "|---|---:|---:|---:|---|"
row "relock verify --no-cache" relock-nocache
row "relock verify, warm cache" relock-warm
row "relock verify --no-cache, with an AppCDS archive (as the launcher and the image)" relock-cds-nocache
row "relock verify, warm cache, with the AppCDS archive" relock-cds-warm
