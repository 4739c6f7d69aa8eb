# relock's GitHub Action image: Maven builds the fat jar, jlink trims a JRE to the modules the jar
# needs, and the runtime stage is the base image plus that JRE, the jar and CA certificates.
# No Python and no git binary: relock reads metadata itself (sdists whose dependencies are only
# known after a build are reported, not built) and uses JGit.
#
# The base is a build argument so the image also builds where no registry is reachable
# (see .ci/container-test, which passes a locally imported Debian).
ARG BASE=debian:trixie-slim

FROM ${BASE} AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-25-jdk-headless maven ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && update-ca-certificates
WORKDIR /src
COPY pom.xml ./
COPY src ./src
RUN mvn -B -ntp -q -DskipTests package
# The runtime's modules come from the jar itself, so a new dependency cannot silently break it.
# Debian's JDK carries separate debug information (*.debuginfo, most of a gigabyte): not shipped.
RUN mods="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 target/relock.jar),jdk.zipfs" \
 && echo "jlink modules: $mods" \
 && jlink --add-modules "$mods" --strip-java-debug-attributes --no-man-pages --no-header-files \
          --compress=zip-6 --output /opt/jre \
 && find /opt/jre -name '*.debuginfo' -delete \
 && rm -f /opt/jre/lib/security/cacerts \
 && cp -L /etc/ssl/certs/java/cacerts /opt/jre/lib/security/cacerts
# The ahead-of-time cache (JDK 25, JEP 483/514/515): a training run of a real, offline compile,
# verify and update --dry-run over a find-links directory (src/main/docker/aot-train.sh) records
# the classes relock loads and links and the methods it profiles; every later run maps them.
# The cache only serves the JVM that made it, with the same jar path and flags: train with the
# trimmed JRE, at the final path, with the entry point's flags.
RUN mkdir -p /opt/relock \
 && cp target/relock.jar /opt/relock/relock.jar \
 && sh src/main/docker/aot-train.sh /opt/jre/bin/java /opt/relock/relock.jar /opt/relock/relock.aot \
      -XX:TieredStopAtLevel=1 -XX:+UseSerialGC

# The runtime needs no packages: the JRE carries its own trust store (copied above from Debian's
# ca-certificates-java), relock needs no git binary (JGit) and no Python.
FROM ${BASE}
COPY --from=build /opt/jre /opt/jre
COPY --from=build /opt/relock /opt/relock
# JVM warnings go to stderr, never into stdout (which may carry --format json).
ENTRYPOINT ["/opt/jre/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", \
            "-XX:AOTCache=/opt/relock/relock.aot", "-Xlog:disable", "-Xlog:all=warning:stderr", \
            "-jar", "/opt/relock/relock.jar"]
