# The catalogue app: built with Maven on JDK 21, run on a Java 21 JRE as an unprivileged user.
#
# Build context is the repository root (docker-compose.yml sets it). By hand:
#   docker build -f docker/app.Dockerfile -t smartcity-catalogue/app:0.1.0-SNAPSHOT .
#
# Base images are pinned to exact tags; besides pulling them, the build downloads only from
# Maven Central.

# ---------------------------------------------------------------- build
FROM maven:3.9.11-eclipse-temurin-21 AS build
WORKDIR /build

# .mvn/jvm.config is deliberately not copied: it holds a JDK 23+ launcher option
# (--sun-misc-unsafe-memory-access) that the JDK 21 of this image refuses to start with.

# 1. Poms only, then everything Maven needs from Central, in a layer that stays cached
#    until a pom changes. The project's own modules are excluded (they come from the reactor).
#    A new module in <modules> of pom.xml needs its pom copied here too.
COPY pom.xml ./
COPY catalogue-model/pom.xml catalogue-model/
COPY german-analysis/pom.xml german-analysis/
COPY routes/pom.xml routes/
COPY search-api/pom.xml search-api/
COPY app/pom.xml app/
RUN mvn -B -q dependency:go-offline -DexcludeGroupIds=de.smartcity.catalogue \
 && ES_VERSION="$(sed -n 's:.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*:\1:p' pom.xml)" \
 && test -n "$ES_VERSION" \
 && mvn -B -q dependency:get -Dtransitive=false \
        -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
# (The app module copies that Elasticsearch zip into app/target/elasticsearch for its local node;
#  fetching it above keeps the ~95 MB download out of every source-only rebuild. The container
#  does not use it: docker-compose.yml points the app at the elasticsearch service.)

# 2. Sources, then the build. -DskipTests still compiles the tests; bin/test runs them.
COPY catalogue-model/src catalogue-model/src
COPY german-analysis/src german-analysis/src
COPY routes/src routes/src
COPY search-api/src search-api/src
COPY app/src app/src
RUN mvn -B -ntp -DskipTests package

# ---------------------------------------------------------------- runtime
FROM eclipse-temurin:21.0.8_9-jre-noble

LABEL org.opencontainers.image.title="smart-city-catalogue" \
      org.opencontainers.image.description="Cross-city catalogue of German smart-city projects and news: ingest, German search API."

# An unprivileged system account with a fixed id (volumes and Kubernetes runAsUser can rely on it).
RUN groupadd --system --gid 10001 catalogue \
 && useradd --system --no-log-init --uid 10001 --gid catalogue \
        --home-dir /var/lib/catalogue --shell /usr/sbin/nologin catalogue \
 && mkdir -p /var/lib/catalogue \
 && chown catalogue:catalogue /var/lib/catalogue

# The jar finds its libraries through its manifest's Class-Path (lib/...), so they sit side by side.
COPY --from=build /build/app/target/lib/ /opt/catalogue/lib/
COPY --from=build /build/app/target/catalogue.jar /opt/catalogue/catalogue.jar
COPY docker/app-healthcheck.sh /opt/catalogue/healthcheck.sh

ENV CATALOGUE_DATA_DIR=/var/lib/catalogue
WORKDIR /var/lib/catalogue
USER 10001:10001

EXPOSE 8080

# bash's /dev/tcp: no curl or wget needed in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "/opt/catalogue/healthcheck.sh"]

ENTRYPOINT ["java", "-jar", "/opt/catalogue/catalogue.jar"]
CMD ["serve"]
