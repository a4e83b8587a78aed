# One image for every way the registry runs:
#   /app/registry.jar      the combined application (default command)
#   /app/command-side.jar  the command side alone  (split deployment)
#   /app/query-side.jar    the query side alone    (split deployment)
# Build: docker build -t population-registry .   (docker-compose.yml builds it for you)

# ---- build stage: the Maven wrapper on a Temurin 17 JDK ---------------------------------------------------
FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /build

# The wrapper and every pom first, so the dependency download below stays a cached layer until a pom changes.
# (A new module needs its pom listed here too: the reactor refuses to start when a module's pom is missing.)
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY shared-kernel/pom.xml shared-kernel/
COPY platform/pom.xml platform/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY app/pom.xml app/
RUN ./mvnw -B -q dependency:go-offline

# Then the sources (.dockerignore keeps target/, data/, .git and IDE files out) and the real build.
# Not offline (-o): go-offline misses a few artifacts resolved only during the build; those are fetched here.
COPY . .
RUN ./mvnw -B -q -DskipTests package

# ---- runtime stage: a Temurin 17 JRE, non-root ------------------------------------------------------------
FROM eclipse-temurin:17-jre-noble

# curl for the health checks. The Temurin 17 Ubuntu images ship curl and wget today, but Adoptium dropped curl
# from the images of later JDKs, so it is installed explicitly rather than assumed.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

# A fixed uid/gid (the Ubuntu base already has uid 1000, "ubuntu").
RUN groupadd --gid 10001 registry \
    && useradd --uid 10001 --gid registry --home-dir /app --no-create-home --shell /usr/sbin/nologin registry

WORKDIR /app
COPY --from=build /build/app/target/registry.jar registry.jar
COPY --from=build /build/command-side/target/command-side-*-exec.jar command-side.jar
COPY --from=build /build/query-side/target/query-side-*-exec.jar query-side.jar
# The jars stay root-owned (read-only to the service). ./data is where the embedded H2 default would write
# when no PostgreSQL is configured; it is the only directory the service may write.
RUN mkdir /app/data && chown registry:registry /app/data

USER 10001:10001
EXPOSE 8080
# Heap sized from the container's memory limit; a JVM out of memory exits so the restart policy takes over.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"

# For plain `docker run`; docker-compose.yml declares its own checks. Readiness is public (no login needed).
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health/readiness || exit 1

# The combined application. The split deployment runs `java -jar /app/command-side.jar` or
# `java -jar /app/query-side.jar` instead (see docker-compose.yml).
CMD ["java", "-jar", "/app/registry.jar"]
