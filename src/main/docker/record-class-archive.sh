#!/bin/bash
# Records the AOT cache the image's JVM starts with (docs/operations.md, "Container image").
#
#   record-class-archive.sh ARCHIVE [JAR]      (JAR: /deployments/quarkus-run.jar, as in the image)
#
# ARCHIVE ending in .aot: an AOT cache (Java 25: -XX:AOTCacheOutput, then run with -XX:AOTCache);
# ending in .jsa: a dynamic class-data archive (Java 17 too: -XX:ArchiveClassesAtExit, then run with
# -XX:SharedArchiveFile), which is what the image used before it ran Java 25.
#
# The service starts once as a container starts it (the built-in rules, from the rulebase cache
# the image's check filled), answers three evaluations and stops; at exit the JVM writes the classes
# it loaded into ARCHIVE, the rule engine's included: they are loaded after the start that Quarkus'
# own AppCDS archive records. The heap is sized as in a pod (compressed pointers), so that the
# archive fits the JVM of a pod. Uses only bash (its /dev/tcp) and the JRE.
set -euo pipefail
archive=${1:?usage: record-class-archive.sh ARCHIVE [JAR]}
jar=${2:-/deployments/quarkus-run.jar}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Any free port (the build may share the host's network); the service's log names it.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options (unset: none)
case $archive in
  *.aot) record=-XX:AOTCacheOutput="$archive" ;;
  *.jsa) record=-XX:ArchiveClassesAtExit="$archive" ;;
  *) echo "record-class-archive: ARCHIVE must end in .aot or .jsa" >&2; exit 64 ;;
esac
java "$record" -XX:MaxRAM=1g ${JAVA_OPTS:-} -Dquarkus.http.port=0 -jar "$jar" > "$log" 2>&1 &
service=$!

# Example 01 (a MasterTrack), 04 (a professional certificate with a credit recommendation) and
# 09 (two certificates, capped by a receiving institution): every topic's rules fire.
requests=(
'{"learner":{"id":"learner-1","holdsBachelorsDegree":true,"records":[{"offeringId":"mt-ds","status":"COMPLETED","certificatePurchased":true,"gpa":3.4,"completedOn":"2025-05-10"}]},"offerings":[{"id":"mt-ds","title":"MasterTrack Certificate in Data Science","type":"MASTERTRACK","provider":{"name":"Example State University","kind":"UNIVERSITY","accreditor":"HLC","domain":"example.edu","country":"US"},"creditEligible":true,"degreePathway":{"degreeId":"mcs","degreeTitle":"Master of Computer Science","minimumGpa":3.0,"requiresBachelorsDegree":true}}]}'
'{"learner":{"id":"learner-4"},"offerings":[{"id":"pc-it","title":"IT Support Professional Certificate","type":"PROFESSIONAL_CERTIFICATE","provider":{"name":"Example Cloud Co","kind":"COMPANY","domain":"examplecloud.com","country":"US"},"creditRecommendation":{"source":"ACE","semesterHours":12},"alignedCertification":"CompTIA A+"}]}'
'{"asOf":"2026-11-20","learner":{"id":"learner-9","records":[{"offeringId":"pc-a","status":"COMPLETED","completedOn":"2025-10-01"},{"offeringId":"pc-b","status":"COMPLETED","completedOn":"2026-02-01"}]},"offerings":[{"id":"pc-a","title":"Data Analytics Professional Certificate","type":"PROFESSIONAL_CERTIFICATE","provider":{"name":"Example Cloud Co","kind":"COMPANY","domain":"examplecloud.com","country":"US"},"creditRecommendation":{"source":"ACE","semesterHours":6,"level":"LOWER_DIVISION"}},{"id":"pc-b","title":"IT Support Professional Certificate","type":"PROFESSIONAL_CERTIFICATE","provider":{"name":"Example Cloud Co","kind":"COMPANY","domain":"examplecloud.com","country":"US"},"creditRecommendation":{"source":"ACE","semesterHours":6,"level":"LOWER_DIVISION"}}],"receivingInstitutions":["lakeside-cc"]}'
)

# Sends one evaluation over HTTP/1.1 (the requests are ASCII, so ${#1} is their length in bytes);
# prints the status line of the answer (nothing while the service is not listening yet).
evaluate() {
  local port
  port=$(sed -n 's|.*Listening on: http://[^:]*:\([0-9]*\).*|\1|p' "$log")
  [[ -n $port ]] || return 0
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 0
  printf 'POST /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "${#1}" "$1" >&3
  head -n 1 <&3 | tr -d '\r'
  exec 3<&-
}

answered=0
for _ in $(seq 600); do # up to 60 s for the start
  kill -0 "$service" 2> /dev/null || break
  if [[ $(evaluate "${requests[0]}" 2> /dev/null) == *" 200 "* ]]; then
    answered=1
    break
  fi
  sleep 0.1
done
if [[ $answered == 1 ]]; then
  for request in "${requests[@]:1}"; do
    status=$(evaluate "$request")
    [[ $status == *" 200 "* ]] || { echo "record-class-archive: an evaluation got $status" >&2; answered=0; }
  done
fi
kill -TERM "$service" 2> /dev/null || true
wait "$service" || true
if [[ $answered != 1 || ! -s $archive ]]; then
  echo "record-class-archive: no archive recorded; the service's output:" >&2
  cat "$log" >&2
  exit 1
fi
echo "record-class-archive: $(du -h "$archive" | cut -f1) archive of the service's classes in $archive"
