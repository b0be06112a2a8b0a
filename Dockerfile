# The eligibility service as a container image. Build:  docker build -t eligibility-service .
# The base images are build arguments, so an organisation can swap in its own (docs/operations.md).
ARG BUILD_IMAGE=docker.io/library/eclipse-temurin:17-jdk
ARG RUN_IMAGE=docker.io/library/debian:trixie-slim

# Build with the Maven wrapper on a JDK 17.
FROM ${BUILD_IMAGE} AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
COPY rules/ rules/
RUN ./mvnw --batch-mode --no-transfer-progress package -DskipTests -Dclass-archive.skip

# Run on Java 25 (the current LTS; the jar is built for release 17 and runs on either), as a non-root
# user, with the rules at a fixed path a ConfigMap can be mounted over. The run image is Debian 13 with
# its openjdk-25-jre-headless, installed here unless the run image brings a java of its own.
FROM ${RUN_IMAGE}
RUN command -v java > /dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        openjdk-25-jre-headless && rm -rf /var/lib/apt/lists/*)
WORKDIR /deployments
COPY --from=build /build/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build /build/target/quarkus-app/app/ /deployments/app/
COPY --from=build /build/target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --from=build /build/target/quarkus-app/quarkus-run.jar /deployments/quarkus-run.jar
COPY rules/ /deployments/rules/
# G1 even in a pod of one CPU, where the JVM would pick the serial collector: under load it keeps the
# resident memory lower (docs/performance.md). Compact object headers (Java 25) make objects smaller.
# Every 5 s the JVM hands the C library's freed memory back (the compiler's arenas): 264 -> 239 MiB under load.
ENV ELIGIBILITY_RULES_FOLDER=/deployments/rules \
    ELIGIBILITY_RULES_CACHE_FOLDER=/deployments/rulebase-cache \
    HOME=/tmp \
    JAVA_OPTS="-XX:MaxRAMPercentage=50 -XX:+UseG1GC -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
COPY src/main/docker/record-class-archive.sh /deployments/record-class-archive.sh
# Prove the built-in rules once, here: check keeps the proven rulebase in the rulebase cache, so the
# image starts without compiling them (rules mounted over them are compiled and proven as usual).
# Then one start of the service, answering three evaluations, records an AOT cache (JEP 483/514/515):
# the classes it loaded and linked, the rule engine's included, and the methods' profiles, which
# every start of the image maps.
RUN java -XX:TieredStopAtLevel=1 $JAVA_OPTS -jar /deployments/quarkus-run.jar check \
    && /deployments/record-class-archive.sh /deployments/eligibility.aot \
    && chown -R 185 /deployments/rulebase-cache
USER 185
EXPOSE 8080
# exec: java becomes PID 1 and receives SIGTERM, so a graceful shutdown drains in-flight requests.
# The AOT cache comes before JAVA_OPTS, so options of your own keep it (a JVM that cannot use it, with
# another collector say, warns and starts without it).
ENTRYPOINT ["sh", "-c", "exec java -XX:AOTCache=/deployments/eligibility.aot $JAVA_OPTS -jar /deployments/quarkus-run.jar \"$@\"", "--"]
