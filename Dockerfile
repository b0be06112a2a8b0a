# The eligibility service as a container image. Build:  docker build -t eligibility-service .
# The base images are build arguments, so an organisation can swap in its own (docs/operations.md).
ARG BUILD_IMAGE=docker.io/library/eclipse-temurin:17-jdk
ARG RUN_IMAGE=docker.io/library/eclipse-temurin:17-jre

# Build with the Maven wrapper on a JDK 17.
FROM ${BUILD_IMAGE} AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
COPY rules/ rules/
RUN ./mvnw --batch-mode --no-transfer-progress package -DskipTests

# Run on a JRE 17, as a non-root user, with the rules at a fixed path a ConfigMap can be mounted over.
FROM ${RUN_IMAGE}
WORKDIR /deployments
COPY --from=build /build/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build /build/target/quarkus-app/app/ /deployments/app/
COPY --from=build /build/target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --from=build /build/target/quarkus-app/quarkus-run.jar /deployments/quarkus-run.jar
COPY rules/ /deployments/rules/
ENV ELIGIBILITY_RULES_FOLDER=/deployments/rules \
    ELIGIBILITY_RULES_CACHE_FOLDER=/deployments/rulebase-cache \
    HOME=/tmp \
    JAVA_OPTS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
COPY src/main/docker/record-class-archive.sh /deployments/record-class-archive.sh
# Prove the built-in rules once, here: check keeps the proven rulebase in the rulebase cache, so the
# image starts without compiling them (rules mounted over them are compiled and proven as usual).
# Then one start of the service, answering three evaluations, records the classes it loads (the
# rule engine's included) into a class-data archive that every start of the image maps.
RUN java -XX:TieredStopAtLevel=1 $JAVA_OPTS -jar /deployments/quarkus-run.jar check \
    && /deployments/record-class-archive.sh /deployments/eligibility-classes.jsa \
    && chown -R 185 /deployments/rulebase-cache
USER 185
EXPOSE 8080
# exec: java becomes PID 1 and receives SIGTERM, so a graceful shutdown drains in-flight requests.
# The class-data archive comes before JAVA_OPTS, so options of your own keep it.
ENTRYPOINT ["sh", "-c", "exec java -XX:SharedArchiveFile=/deployments/eligibility-classes.jsa $JAVA_OPTS -jar /deployments/quarkus-run.jar \"$@\"", "--"]
