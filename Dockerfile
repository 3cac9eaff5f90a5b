# syntax=docker/dockerfile:1
# The one runnable, built from source. Run it split by profile with docker-compose.yml, or alone:
#   docker build -t stoa-app . && docker run -p 8080:8080 stoa-app   (embedded PostgreSQL and Elasticsearch)

# ---- build: the whole reactor; Maven runs on JDK 21, which the toolchains plugin selects for compiling too
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
# the cache mount keeps ~/.m2 between builds without baking it into a layer
RUN --mount=type=cache,target=/root/.m2 mvn -q -B -DskipTests package

# ---- runtime
FROM eclipse-temurin:21-jre
# curl is for the compose health checks; the Temurin images carry it today, install it if one ever does not
RUN command -v curl >/dev/null \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
# a non-root user owning the data directory; a named volume mounted on /var/lib/stoa/keys copies this ownership
RUN useradd --system --uid 10001 --home-dir /var/lib/stoa stoa \
    && mkdir -p /app /var/lib/stoa/keys \
    && chown -R stoa /var/lib/stoa
COPY --from=build /src/app/target/stoa-app.jar /app/stoa-app.jar
USER stoa
WORKDIR /var/lib/stoa
ENV STOA_DATA_DIR=/var/lib/stoa \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:TrimNativeHeapInterval=5000"
EXPOSE 8080
ENTRYPOINT ["java","-jar","/app/stoa-app.jar"]
