# relock's GitHub Action image: Maven builds the fat jar, jlink trims a JRE to the modules the jar
# needs, and the runtime stage is the base image plus that JRE, the jar and CA certificates.
# No Python and no git binary: relock reads metadata itself (sdists whose dependencies are only
# known after a build are reported, not built) and uses JGit.
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
# training run, so every invocation starts faster.
# The archive is only used when the jar path and JVM flags match, so train at the final path.
RUN mkdir -p /opt/relock && cp target/relock.jar /opt/relock/relock.jar \
 && /opt/jre/bin/java -Xshare:dump > /dev/null \
 && /opt/jre/bin/java -XX:ArchiveClassesAtExit=/opt/relock/relock.jsa -XX:TieredStopAtLevel=1 \
      -XX:+UseSerialGC -jar /opt/relock/relock.jar --help > /dev/null

# The runtime needs no packages: the JRE carries its own trust store (copied above from Debian's
# ca-certificates-java), relock needs no git binary (JGit) and no Python.
FROM ${BASE}
COPY --from=build /opt/jre /opt/jre
COPY --from=build /opt/relock /opt/relock
ENTRYPOINT ["/opt/jre/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", \
            "-XX:SharedArchiveFile=/opt/relock/relock.jsa", "-jar", "/opt/relock/relock.jar"]
