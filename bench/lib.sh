# Shared by the benchmark scripts: building, the synthetic index server, timing and medians.
# Source it after `set -euo pipefail`; it expects ROOT_DIR (the checkout) and WORK (a scratch dir).

log() { echo "bench: $*" >&2; }

# The JVM flags relock ships with (see the launcher and the Dockerfile).
JAVA_OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)
# Class-data-sharing dumps print warnings about classes they skip on stdout; keep them out.
QUIET_CDS=(-Xlog:cds=off -Xlog:cds+dynamic=off)

ensure_gnu_time() {
    if [[ ! -x /usr/bin/time ]]; then
        log "installing GNU time"
        apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
    fi
}

# build_relock: target/relock.jar plus the test classes, whose LocalIndexServerMain serves the
# synthetic index. The server runs from a copy of the classes so a rebuild cannot pull them away.
build_relock() {
    log "building"
    (cd "$ROOT_DIR" && mvn -B -ntp -o -q -DskipTests package)
    if ! (cd "$ROOT_DIR" && mvn -B -ntp -o -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null 2>&1); then
        log "maven-dependency-plugin not in ~/.m2 yet: one online run"
        (cd "$ROOT_DIR" && mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
    fi
    mkdir -p "$WORK/server"
    cp -r "$ROOT_DIR/target/test-classes" "$WORK/server/test-classes"
    cp -r "$ROOT_DIR/target/classes" "$WORK/server/classes"
    JAR="$WORK/relock.jar"
    cp "$ROOT_DIR/target/relock.jar" "$JAR"
}

SERVER_PID=""
stop_server() {
    if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    SERVER_PID=""
}

# start_server SEED LATENCY_MS: serves SyntheticIndex(SEED) with that latency per request; sets URL
# and writes the generated scenario (project names, releases, dependencies) to $WORK/scenario.json.
start_server() {
    local cp="$WORK/server/test-classes:$WORK/server/classes:$(cat "$WORK/cp.txt")"
    java -cp "$cp" dev.relock.testing.index.LocalIndexServerMain --seed "$1" --latency-ms "$2" \
        --write-scenario "$WORK/scenario.json" >"$WORK/server.out" 2>"$WORK/server.err" &
    SERVER_PID=$!
    for _ in $(seq 1 300); do
        [[ -s "$WORK/server.out" ]] && break
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.err" >&2; exit 1; }
        sleep 0.1
    done
    URL=$(head -n1 "$WORK/server.out")
    log "index at $URL (seed $1, $2 ms latency per request)"
}

# timed RESULT_FILE DIR CMD...: runs CMD in DIR, appends "wall max_rss_kb user sys" to RESULT_FILE.
# ACCEPT_STATUS (default 0) is the exit status that counts as success.
timed() {
    local out=$1 dir=$2; shift 2
    local status=0
    (cd "$dir" && /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$@" >"$WORK/cmd.out" 2>"$WORK/cmd.err") || status=$?
    if [[ "$status" != "${ACCEPT_STATUS:-0}" ]]; then
        log "command failed with status $status: $*"; tail -n 20 "$WORK/cmd.err" >&2; exit 1
    fi
    tail -n1 "$WORK/time.txt" >>"$out"
}

# summary NAME: "median_wall peak_rss_mib median_cpu" of the runs in $WORK/NAME.txt
summary() {
    python3 - "$WORK/$1.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
print(f"{statistics.median(float(r[0]) for r in rows):.2f} {max(int(r[1]) for r in rows) / 1024:.0f} "
      f"{statistics.median(float(r[2]) + float(r[3]) for r in rows):.2f} "
      + ",".join(f"{float(r[0]):.2f}" for r in rows))
PY
}
