# Elasticsearch for the catalogue: the official 9.1.0 image plus the project's German analysis
# plugin (a stable plugin built from the german-analysis module).
#
# Build context is the repository root (docker-compose.yml sets it). By hand:
#   docker build -f docker/elasticsearch.Dockerfile -t smartcity-catalogue/elasticsearch:9.1.0 .
#
# Base images are pinned to exact tags; besides pulling them, the build downloads only from
# Maven Central.
#
# Keep the image tag in step with <elasticsearch.version> in pom.xml: the plugin is built against
# that version and Elasticsearch refuses a plugin built for a newer version than itself.

# ---------------------------------------------------------------- plugin
FROM maven:3.9.11-eclipse-temurin-21 AS plugin
WORKDIR /build

# .mvn/jvm.config is deliberately not copied (a JDK 23+ option that JDK 21 refuses).
# Maven reads every module's pom even with -pl, so all of them are copied.
COPY pom.xml ./
COPY catalogue-model/pom.xml catalogue-model/
COPY german-analysis/pom.xml german-analysis/
COPY routes/pom.xml routes/
COPY search-api/pom.xml search-api/
COPY app/pom.xml app/
RUN mvn -B -q -pl german-analysis -am dependency:go-offline

COPY german-analysis/src german-analysis/src
RUN mvn -B -ntp -pl german-analysis -am -DskipTests package \
 && cp german-analysis/target/german-analysis-*-plugin.zip /tmp/german-analysis-plugin.zip

# ---------------------------------------------------------------- node
FROM docker.elastic.co/elasticsearch/elasticsearch:9.1.0

# The image runs as "elasticsearch" (uid 1000, gid 0); it owns the zip so it can delete it.
COPY --from=plugin --chown=1000:0 /tmp/german-analysis-plugin.zip /tmp/german-analysis-plugin.zip
RUN bin/elasticsearch-plugin install --batch file:///tmp/german-analysis-plugin.zip \
 && rm /tmp/german-analysis-plugin.zip
