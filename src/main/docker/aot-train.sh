#!/bin/sh
# The ahead-of-time cache's training run (JDK 25+, JEP 483/514/515), used by the Dockerfile:
#   aot-train.sh JAVA JAR CACHE [JVM flags...]
# One JVM runs a real, offline compile, verify and update --dry-run (dev.relock.cli.Training) over
# a find-links directory of two wheels made with the JDK's jar tool, so the cache holds the
# command line, the resolver, the index client, the cache, the lockfile writer and the checks,
# each loaded, linked and profiled. With no cached pages relock also prepares its HTTP client.
# The cache only serves runs with the same JVM, jar path and flags: train at the final path.
set -eu
java=$1 jar=$2 cache=$3
shift 3
work=$(mktemp -d)
mkwheel() { # mkwheel NAME VERSION [Requires-Dist...]
  name=$1 version=$2
  shift 2
  info="$work/whl/$name-$version.dist-info"
  mkdir -p "$info"
  { printf 'Metadata-Version: 2.1\nName: %s\nVersion: %s\nRequires-Python: >=3.8\n' "$name" "$version"
    for req in "$@"; do printf 'Requires-Dist: %s\n' "$req"; done; } > "$info/METADATA"
  printf 'Wheel-Version: 1.0\nGenerator: relock-training\nRoot-Is-Purelib: true\nTag: py3-none-any\n' > "$info/WHEEL"
  printf '%s/METADATA,,\n%s/WHEEL,,\n%s/RECORD,,\n' "${info##*/}" "${info##*/}" "${info##*/}" > "$info/RECORD"
  (cd "$work/whl" && jar --create --no-manifest --file "$work/wheels/$name-$version-py3-none-any.whl" "${info##*/}")
}
mkdir -p "$work/wheels" "$work/whl"
mkwheel demo 1.0 'helper>=1.0' 'extra-thing; extra == "fast"'
mkwheel helper 1.0
mkwheel helper 1.1 'typing-shim; python_version < "3.9"'
mkwheel typing-shim 1.0
cd "$work"
echo demo > requirements.in
echo 3.12.1 > .python-version
idx="--no-index -f wheels --cache-dir $work/cache"
# shellcheck disable=SC2086
"$java" -XX:AOTCacheOutput="$cache" -Xlog:aot=off -Xlog:cds=off "$@" -cp "$jar" dev.relock.cli.Training \
  compile $idx --generate-hashes requirements.in \; \
  verify $idx requirements.txt \; \
  update $idx --dry-run --lockfile requirements.in:requirements.txt
grep -q '^demo==1.0' requirements.txt
grep -q '^helper==1.1' requirements.txt
test -s "$cache"
cd /
rm -rf "$work"
