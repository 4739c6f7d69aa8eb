# relock's GitHub Action image: Maven builds the fat jar, jlink trims a JRE to the modules the jar
# needs, and the runtime stage is the base image plus that JRE, the jar and CA certificates.
# No git binary (relock uses JGit). Debian's python3 and python3-venv are the only packages the
# runtime adds: relock runs PEP 517 builds for sdists whose dependencies are only known after a
# build (README: "Packages that need a build"); everything else it reads itself.
#
# The base is a build argument so the image also builds where no registry is reachable
# (see .ci/container-test, which passes a locally imported Debian).
ARG BASE=debian:bookworm-slim

FROM ${BASE} AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jdk-headless maven ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && update-ca-certificates
WORKDIR /src
COPY pom.xml ./
COPY src ./src
RUN mvn -B -ntp -q -DskipTests package
# The runtime's modules come from the jar itself, so a new dependency cannot silently break it.
RUN mods="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 target/relock.jar),jdk.crypto.ec,jdk.zipfs" \
 && echo "jlink modules: $mods" \
 && jlink --add-modules "$mods" --strip-java-debug-attributes --no-man-pages --no-header-files \
          --compress=2 --output /opt/jre \
 && rm -f /opt/jre/lib/security/cacerts \
 && cp -L /etc/ssl/certs/java/cacerts /opt/jre/lib/security/cacerts
# Class-data sharing: the base archive for the trimmed JRE, then relock's own classes from a
# training run, so every invocation starts faster. The training run is a real, offline compile:
# a one-wheel find-links directory (the wheel is made with the JDK's jar tool) exercises the
# command line, the resolver, the index client, the cache and the lockfile writer, and with no
# cached pages relock also prepares its HTTP client, so those classes are archived too.
# The archive is only used when the jar path and JVM flags match, so train at the final path.
RUN mkdir -p /opt/relock /tmp/train/wheels /tmp/train/whl/demo-1.0.dist-info \
 && cp target/relock.jar /opt/relock/relock.jar \
 && cd /tmp/train/whl \
 && printf 'Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nRequires-Python: >=3.8\n' > demo-1.0.dist-info/METADATA \
 && printf 'Wheel-Version: 1.0\nGenerator: relock-training\nRoot-Is-Purelib: true\nTag: py3-none-any\n' \
      > demo-1.0.dist-info/WHEEL \
 && printf 'demo-1.0.dist-info/METADATA,,\ndemo-1.0.dist-info/WHEEL,,\ndemo-1.0.dist-info/RECORD,,\n' \
      > demo-1.0.dist-info/RECORD \
 && jar --create --no-manifest --file ../wheels/demo-1.0-py3-none-any.whl demo-1.0.dist-info \
 && cd /tmp/train && echo demo > requirements.in && echo 3.12.1 > .python-version \
 && /opt/jre/bin/java -Xshare:dump > /dev/null \
 && /opt/jre/bin/java -XX:ArchiveClassesAtExit=/opt/relock/relock.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
      -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar /opt/relock/relock.jar compile --no-index -f wheels \
      --generate-hashes --cache-dir /tmp/train/cache requirements.in \
 && grep -q '^demo==1.0' requirements.txt \
 && rm -rf /tmp/train

# The runtime needs no packages for the JVM: the JRE carries its own trust store (copied above
# from Debian's ca-certificates-java) and relock needs no git binary (JGit).
FROM ${BASE}
# Python for sdist builds only (a throwaway venv per build; relock installs the build requirements
# itself, hash-checked, with the venv's bundled pip): adds about 56 MB
# (measured with podman on a minimal bookworm base: 121 MB before, 178 MB after).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-venv \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin
COPY --from=build /opt/jre /opt/jre
COPY --from=build /opt/relock /opt/relock
# JVM warnings go to stderr, never into stdout (which may carry --format json).
ENTRYPOINT ["/opt/jre/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", \
            "-XX:SharedArchiveFile=/opt/relock/relock.jsa", "-Xlog:disable", "-Xlog:all=warning:stderr", \
            "-jar", "/opt/relock/relock.jar"]
