#!/bin/bash
# Records the class-data archive the README's run command starts with (docs/operations.md, "Startup"):
# ./mvnw package runs it once the jar is built (-Dclass-archive.skip leaves it out).
#
# The built-in rules are proven once into a rulebase cache of the build's own (target/class-archive,
# never the user's), then record-class-archive.sh records a start of the service that takes them
# from there and answers three evaluations, as a restart does: the JVM writes the classes that start
# loaded, Quarkus' and the rule engine's, to target/quarkus-app/app-cds.jsa. Only the JVM on the
# PATH, as the README's command runs it, can use the archive. A failure (rules that do not pass
# their scenarios, say) records no archive and fails the build in nothing but a warning: the run
# command then starts the service without it (a JDK 17 told of an archive that is not there uses
# not even its own), slower.
set -uo pipefail
cd "$(dirname "$0")/../../.." || exit 1
work=target/class-archive
archive=target/quarkus-app/app-cds.jsa
rm -rf "$work" "$archive"
mkdir -p "$work"
export ELIGIBILITY_RULES_CACHE_FOLDER=$work/rulebase-cache
if java -XX:TieredStopAtLevel=1 -jar target/quarkus-app/quarkus-run.jar check > "$work/check.log" 2>&1 \
    && bash src/main/docker/record-class-archive.sh "$archive" target/quarkus-app/quarkus-run.jar > "$work/record.log" 2>&1; then
  exit 0
fi
echo "[WARNING] No class-data archive recorded for the jar (the output is in $work/); the run command then starts the service without it, slower" >&2
