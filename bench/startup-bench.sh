#!/usr/bin/env bash
# Start-up benchmark: pip's resolver against relock on small real-shaped requirement sets, the
# launcher's start-up on JDK 17 (AppCDS) against JDK 25 (AOT cache), the container's start, and the
# peak memory of a large compile. One run prints Markdown tables.
#
#   bench/startup-bench.sh                      # defaults below
#   RUNS=3 SETS="flask;black" PROJECT_SETS="flask gunicorn requests" bench/startup-bench.sh
#
# - Real-shaped sets, in two groups, each with its own median ratio: SETS, one package and its
#   dependencies each (5-14 pins), and PROJECT_SETS, the several roots a small service or tool
#   lists (14-21 pins). Sets are separated by ';', requirements within a set by spaces. Each is
#   compiled against the mirror of
#   real PyPI wheels in $MIRROR (PEP 503 layout), served by bench/latency_server.py with LATENCY_MS
#   per request. pip: `pip install --isolated --dry-run --report` with no cache; relock: `compile`
#   with an empty cache, through the launcher on the newest JDK (25+ with its AOT cache, else 17
#   with AppCDS). Each run starts from nothing but the JVM archive, which the launcher recorded on
#   an untimed first compile, as it would on a user's first run.
# - Over https: TLS_SETS (default: the first set of each group; "" skips it) again, against the
#   same mirror and latency through TLS (bench/latency_server.py with a certificate made here for
#   127.0.0.1: HTTP/1.1, so each concurrent request opens its own TLS connection). pip trusts the
#   certificate through --cert, relock's JVM through javax.net.ssl.trustStore (JAVA_TOOL_OPTIONS);
#   relock is also timed over http in the same loop, so the table shows TLS's part. Needs openssl
#   and the JDK's keytool; skipped without them.
# - Start-up: `relock --version` and warm no-change compiles (cache kept, lockfile up to date) of
#   the second single-package set and the first project-shaped one
#   through the launcher, JDK 17 + AppCDS against JDK 25 + AOT cache (skipped without a JDK 25).
# - Container: `podman run IMAGE --version` less `podman run --entrypoint /bin/true IMAGE`, when
#   podman and the image exist (IMAGE, default localhost/relock:test built by .ci/container-test,
#   whose podman settings in RELOCK_CTR_DIR are used); skipped otherwise.
# - Memory: peak RSS (GNU time) of compile-bench's compile (SyntheticIndex seed 42, 30 roots
#   from its 300+ projects) through the launcher.
# Medians of RUNS runs (default 5). Needs java 17+, maven, python3 with pip, GNU time.
set -euo pipefail

RUNS=${RUNS:-5}
LATENCY_MS=${LATENCY_MS:-20}
MIRROR=${MIRROR:-/opt/pypi}
SETS=${SETS:-"requests;flask;black;httpx;sqlalchemy alembic;fastapi uvicorn;boto3;pytest"}
PROJECT_SETS=${PROJECT_SETS:-"fastapi uvicorn sqlalchemy httpx pydantic-settings;flask flask-sqlalchemy flask-login requests gunicorn;openai tiktoken python-dotenv pydantic;click rich httpx pyyaml tenacity;pytest pytest-cov black isort mypy;pandas matplotlib requests"}
PYTHON_VERSION=${PYTHON_VERSION:-$(python3 -c 'import platform; print(platform.python_version())')}
TLS_SETS=${TLS_SETS-"requests;fastapi uvicorn sqlalchemy httpx pydantic-settings"}
IMAGE=${IMAGE:-localhost/relock:test}

cd "$(dirname "$0")/.."
ROOT_DIR=$(pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/relock-bench.XXXXXX")
source "$ROOT_DIR/bench/lib.sh"
MIRROR_PID="" TLS_PID=""
trap 'stop_server; for p in $MIRROR_PID $TLS_PID; do kill "$p" 2>/dev/null; done; rm -rf "$WORK"' EXIT

ensure_gnu_time
build_relock

# The JVMs: a JDK 17-24 (java on PATH, else one in /usr/lib/jvm) and a JDK 25+, by their release files.
feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$(readlink -f "$1")")")/release" 2>/dev/null | head -n1; }
J17="" J25=""
for j in "$(command -v java)" /usr/lib/jvm/*/bin/java; do
    [[ -x "$j" ]] || continue
    v=$(feature "$j"); v=${v:-0}
    if [[ -z "$J17" && "$v" -ge 17 && "$v" -lt 25 ]]; then J17=$j; fi
    if [[ -z "$J25" && "$v" -ge 25 ]]; then J25=$j; fi
done
[[ -n "$J17" ]] || { log "no JDK 17-24 found"; exit 1; }
log "JDK 17-24: $J17; JDK 25+: ${J25:-none}"

# A checkout the launcher will not rebuild (pom.xml and src/main older than the jar), so its
# archives (target/relock.aot, target/relock.jsa) are recorded and used as in a real checkout.
CO="$WORK/checkout"
mkdir -p "$CO/src/main" "$CO/target"
cp "$ROOT_DIR/relock" "$CO/relock"
touch "$CO/pom.xml"
touch -d '2000-01-01' "$CO/pom.xml" "$CO/src/main"
cp "$JAR" "$CO/target/relock.jar"
# relock17 and relock25: the launcher on either JVM (executables, for GNU time)
for v in 17 25; do
    printf '#!/bin/sh\nRELOCK_JAVA="%s" exec "%s" "$@"\n' "$(eval echo "\$J$v")" "$CO/relock" >"$WORK/relock$v"
    chmod +x "$WORK/relock$v"
done
relock17="$WORK/relock17" relock25="$WORK/relock25"
BEST=$relock17; BEST_LABEL="JDK 17 + AppCDS"
if [[ -n "$J25" ]]; then BEST=$relock25; BEST_LABEL="JDK 25 + AOT cache"; fi

# --- the real-wheel mirror behind injected latency
python3 "$ROOT_DIR/bench/latency_server.py" "$MIRROR" "$LATENCY_MS" >"$WORK/mirror.out" 2>"$WORK/mirror.err" &
MIRROR_PID=$!
for _ in $(seq 1 100); do [[ -s "$WORK/mirror.out" ]] && break; sleep 0.1; done
MIRROR_URL="$(head -n1 "$WORK/mirror.out")/simple/"
log "mirror $MIRROR at $MIRROR_URL ($LATENCY_MS ms per request)"

# pip with no configuration; a CA bundle from the environment (PIP_CERT, REQUESTS_CA_BUNDLE) would
# take precedence over --cert in the https rows.
PIP=(env -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_FIND_LINKS -u PIP_CERT -u REQUESTS_CA_BUNDLE -u CURL_CA_BUNDLE PIP_CONFIG_FILE=/dev/null python3 -m pip install
     --isolated --disable-pip-version-check --dry-run --ignore-installed --no-cache-dir --report /dev/null
     -r requirements.in)
TLS_DIR="$WORK/tls"
# compare GROUP SETS [URL]: pip and relock on each of SETS (';'-separated) against URL (default: the
# mirror over http); results in $WORK/GROUP-*. Over https both trust the certificate in $TLS_DIR,
# and relock is timed over http too (http-GROUP*), interleaved.
compare() {
    local group=$1 url=${3:-$MIRROR_URL} set dir i n=0
    local -a sets pip=("${PIP[@]}" --index-url "$url") relock=("$BEST")
    if [[ $url == https:* ]]; then
        pip+=(--cert "$TLS_DIR/cert.pem")
        relock=(env "JAVA_TOOL_OPTIONS=-Djavax.net.ssl.trustStore=$TLS_DIR/trust.p12 -Djavax.net.ssl.trustStorePassword=relock-bench" "$BEST")
    fi
    IFS=';' read -r -a sets <<<"$2"
    for set in "${sets[@]}"; do
        n=$((n + 1))
        dir="$WORK/$group$n"
        mkdir -p "$dir"
        tr ' ' '\n' <<<"$set" | sed '/^$/d' >"$dir/requirements.in"
        echo "$set" >"$dir/label"
        echo "$PYTHON_VERSION" >"$dir/.python-version"
        # untimed: the launcher records its JVM archive on the first compile (once per jar and JVM)
        (cd "$dir" && "${relock[@]}" compile -q --cache-dir "$WORK/cache-first" -i "$url" requirements.in) >/dev/null 2>&1 \
            || { log "relock cannot compile '$set'"; exit 1; }
        grep -c '==' "$dir/requirements.txt" >"$dir/pins"
        for i in $(seq 1 "$RUNS"); do
            timed "$WORK/pip-$group$n.txt" "$dir" "${pip[@]}"
            rm -rf "$WORK/cache-set" "$dir/requirements.txt"
            timed "$WORK/relock-$group$n.txt" "$dir" "${relock[@]}" compile -q --cache-dir "$WORK/cache-set" -i "$url" requirements.in
            if [[ $url == https:* ]]; then
                rm -rf "$WORK/cache-set" "$dir/requirements.txt"
                timed "$WORK/http-$group$n.txt" "$dir" "$BEST" compile -q --cache-dir "$WORK/cache-set" -i "$MIRROR_URL" requirements.in
            fi
        done
        log "set '$set': $(cat "$dir/pins") pins"
    done
    echo "$n" >"$WORK/$group.count"
}
compare set "$SETS"
compare project "$PROJECT_SETS"
n=$(cat "$WORK/set.count")

# --- over https: the same mirror and latency through TLS
KEYTOOL="$(dirname "$(readlink -f "${J25:-$J17}")")/keytool"
if [[ -n "$TLS_SETS" ]] && command -v openssl >/dev/null && [[ -x "$KEYTOOL" ]]; then
    mkdir -p "$TLS_DIR"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
        -keyout "$TLS_DIR/key.pem" -out "$TLS_DIR/cert.pem" >/dev/null 2>&1
    "$KEYTOOL" -importcert -noprompt -alias relock-bench -file "$TLS_DIR/cert.pem" -keystore "$TLS_DIR/trust.p12" \
        -storetype PKCS12 -storepass relock-bench >/dev/null 2>&1
    python3 "$ROOT_DIR/bench/latency_server.py" "$MIRROR" "$LATENCY_MS" "$TLS_DIR/cert.pem" "$TLS_DIR/key.pem" \
        >"$WORK/tls.out" 2>"$WORK/tls.err" &
    TLS_PID=$!
    for _ in $(seq 1 100); do [[ -s "$WORK/tls.out" ]] && break; sleep 0.1; done
    log "the mirror over https at $(head -n1 "$WORK/tls.out")/simple/"
    compare tls "$TLS_SETS" "$(head -n1 "$WORK/tls.out")/simple/"
else
    log "no https rows (TLS_SETS empty, or no openssl or keytool)"
fi

# --- start-up through the launcher: --version and warm no-change compiles (a single-package set
# and a project-shaped one, whose many pages are revalidated at once)
WARM="$WORK/set$(( n < 2 ? n : 2 ))"  # the second single-package set (flask)
WARMP="$WORK/project1"                 # the first project-shaped set
for jvm in 17 25; do
    [[ $jvm == 25 && -z "$J25" ]] && continue
    cmd="$WORK/relock$jvm"
    for w in "$WARM" "$WARMP"; do
        if [[ $jvm == 17 ]]; then (cd "$w" && $cmd compile -q --cache-dir "$WORK/cache-warm$jvm" -i "$MIRROR_URL" requirements.in) >/dev/null 2>&1; fi
        (cd "$w" && $cmd compile -q --cache-dir "$WORK/cache-warm$jvm" -i "$MIRROR_URL" requirements.in) >/dev/null 2>&1
    done
    for i in $(seq 1 "$RUNS"); do
        timed "$WORK/version$jvm.txt" "$WORK" "$cmd" --version
        timed "$WORK/warm$jvm.txt" "$WARM" "$cmd" compile -q --cache-dir "$WORK/cache-warm$jvm" -i "$MIRROR_URL" requirements.in
        timed "$WORK/warmp$jvm.txt" "$WARMP" "$cmd" compile -q --cache-dir "$WORK/cache-warm$jvm" -i "$MIRROR_URL" requirements.in
    done
done

# --- the container's start, less the engine's own
CONTAINER=""
ctr_dir="${RELOCK_CTR_DIR:-/tmp/relock-ctr}"
if [[ -f "$ctr_dir/containers.conf" ]]; then
    export CONTAINERS_CONF="$ctr_dir/containers.conf" CONTAINERS_STORAGE_CONF="$ctr_dir/storage.conf"
fi
if command -v podman >/dev/null && podman image exists "$IMAGE" 2>/dev/null; then
    CONTAINER=yes
    for i in $(seq 1 "$RUNS"); do
        timed "$WORK/ctr-version.txt" "$WORK" podman run --rm --network none "$IMAGE" --version
        timed "$WORK/ctr-true.txt" "$WORK" podman run --rm --network none --entrypoint /bin/true "$IMAGE"
    done
    CTR_SIZE=$(( $(podman image inspect "$IMAGE" --format '{{.Size}}') / 1000000 ))
else
    log "no podman or no image $IMAGE: container start skipped"
fi

# --- peak memory on compile-bench's synthetic index (300+ projects)
stop_server
start_server 42 "$LATENCY_MS"
BIG="$WORK/big"
mkdir -p "$BIG"
python3 - "$WORK/scenario.json" >"$BIG/requirements.in" <<'PY'
import json, sys
names = [p["name"] for p in json.load(open(sys.argv[1]))["projects"]]
print("\n".join(names[: 30 * 3 : 3]))
PY
echo "$PYTHON_VERSION" >"$BIG/.python-version"
for i in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/cache-big" "$BIG/requirements.txt"
    timed "$WORK/big.txt" "$BIG" "$BEST" compile -q --generate-hashes --cache-dir "$WORK/cache-big" -i "$URL" requirements.in
done
BIG_PINS=$(grep -c '==' "$BIG/requirements.txt")

# --- the report
med() { read -r wall _ <<<"$(summary "$1")"; echo "$wall"; }
cpu() { read -r _ _ c _ <<<"$(summary "$1")"; echo "$c"; }
both() { echo "$(med "$1") s ($(cpu "$1") s CPU)"; }
rss() { read -r _ r _ <<<"$(summary "$1")"; echo "$r"; }
echo "relock $("$relock17" --version | head -n1 | cut -d' ' -f2); $(nproc) CPUs; median of $RUNS runs; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# table GROUP TITLE: the rows of one group and its median ratio
table() {
    local group=$1 i p r ratio dir tls=""
    local -a ratios=()
    [[ -f "$WORK/http-${group}1.txt" ]] && tls=yes
    echo "### $2 ($LATENCY_MS ms per request, mirror $MIRROR, Python $PYTHON_VERSION)"
    echo
    if [[ -n "$tls" ]]; then
        echo "| requirements | pins | pip | relock | pip / relock | relock over http | TLS's part |"
        echo "|---|---:|---:|---:|---:|---:|---:|"
    else
        echo "| requirements | pins | pip | relock | pip / relock |"
        echo "|---|---:|---:|---:|---:|"
    fi
    for i in $(seq 1 "$(cat "$WORK/$group.count")"); do
        dir="$WORK/$group$i"
        p=$(med "pip-$group$i"); r=$(med "relock-$group$i")
        ratio=$(python3 -c "print(f'{$p / $r:.1f}')")
        ratios+=("$ratio")
        if [[ -n "$tls" ]]; then
            echo "| $(cat "$dir/label") | $(cat "$dir/pins") | $(both "pip-$group$i") | $(both "relock-$group$i") | ${ratio}x" \
                "| $(both "http-$group$i") | $(python3 -c "print(f'{$r - $(med "http-$group$i"):.2f}')") s |"
        else
            echo "| $(cat "$dir/label") | $(cat "$dir/pins") | $(both "pip-$group$i") | $(both "relock-$group$i") | ${ratio}x |"
        fi
    done
    echo
    echo "Median pip / relock: $(printf '%s\n' "${ratios[@]}" | python3 -c 'import statistics,sys; print(f"{statistics.median(float(l) for l in sys.stdin):.1f}x")')"
    echo
}
echo "relock: cold compile (empty cache) through the launcher, $BEST_LABEL. pip: resolver only, no cache."
echo "Wall time, median CPU time (user + sys) in brackets; the ratio is of wall times."
echo
table set "One package and its dependencies"
table project "Project-shaped requirements (several roots, as a small service or tool lists them)"
if [[ -f "$WORK/tls.count" ]]; then
    table tls "Over https (HTTP/1.1 over TLS, a connection per concurrent request; PyPI itself speaks HTTP/2)"
fi
echo "### Start-up through the launcher"
echo
echo "| run | JDK 17 + AppCDS | JDK 25 + AOT cache |"
echo "|---|---:|---:|"
v25="n/a"; w25="n/a"
[[ -n "$J25" ]] && v25="$(both version25)" && w25="$(both warm25)"
echo "| relock --version | $(both version17) | $v25 |"
echo "| warm no-change compile ($(tr '\n' ' ' <"$WARM/requirements.in" | sed 's/ $//'), $(cat "$WARM/pins") pins) | $(both warm17) | $w25 |"
wp25="n/a"
[[ -n "$J25" ]] && wp25="$(both warmp25)"
echo "| warm no-change compile ($(tr '\n' ' ' <"$WARMP/requirements.in" | sed 's/ $//'), $(cat "$WARMP/pins") pins) | $(both warmp17) | $wp25 |"
if [[ -n "$CONTAINER" ]]; then
    echo
    echo "### Container ($IMAGE, $CTR_SIZE MB)"
    echo
    echo "| run | median |"
    echo "|---|---:|"
    echo "| podman run IMAGE --version | $(med ctr-version) s |"
    echo "| podman run --entrypoint /bin/true IMAGE | $(med ctr-true) s |"
    echo "| relock's part | $(python3 -c "print(f'{$(med ctr-version) - $(med ctr-true):.2f}')") s |"
fi
echo
echo "### Memory"
echo
echo "Synthetic index (seed 42, 30 roots, $BIG_PINS pins, --generate-hashes, cold): median $(both big), peak RSS $(rss big) MiB ($BEST_LABEL)."
