#!/usr/bin/env bash
# Serves index.json (a few releases of requests, click and their dependencies) as a local PEP 503 /
# PEP 691 index on http://127.0.0.1:${PORT:-8765}/simple/ with the repository's test index server.
#
#   serve-index.sh               in the foreground, until Ctrl-C
#   serve-index.sh --background  returns once the index answers; prints how to stop it
#
# It needs target/relock.jar and the test classes: the launcher's first build makes both (it is
# started here when they are missing), as does `mvn -B -ntp verify`.
set -euo pipefail
self="$(readlink -f -- "${BASH_SOURCE[0]}" 2>/dev/null || echo "${BASH_SOURCE[0]}")"
demo="$(cd -P -- "$(dirname -- "$self")" && pwd)"
root="$(cd -- "$demo/../.." && pwd)"
port="${PORT:-8765}"
if [ ! -f "$root/target/relock.jar" ] || [ ! -d "$root/target/test-classes/dev/relock/testing/index" ]; then
  "$root/relock" --version >/dev/null
fi
serve=(java -cp "$root/target/test-classes:$root/target/relock.jar" dev.relock.testing.index.LocalIndexServerMain
  --scenario "$demo/index.json" --port "$port")
if [ "${1:-}" != "--background" ]; then
  exec "${serve[@]}"
fi
log="$(mktemp "${TMPDIR:-/tmp}/relock-demo-index.XXXXXX")"
"${serve[@]}" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if grep -q '^http' "$log"; then
    echo "demo index on $(head -n 1 "$log") (stop it with: kill $pid)" >&2
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "relock: error: the demo index did not start (port $port in use? set PORT=...):" >&2
    grep -m 1 -o "[A-Za-z.]*Exception: .*" "$log" >&2 || tail -n 1 "$log" >&2
    exit 1
  fi
  sleep 0.2
done
echo "relock: error: the demo index did not start within 20 s; see $log" >&2
exit 1
