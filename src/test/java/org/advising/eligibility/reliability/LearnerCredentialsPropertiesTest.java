package org.advising.eligibility.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * LC on random valid requests: each completed, paid record is sent instead as a credential (Open
 * Badges 3.0 or the older data model, its grade as a grade point average or a letter, its date in
 * activityEndDate, awardedDate or validFrom, now and then with ACE's recommendation for an offering
 * that states none), and the answer is the answer to the request with those records and
 * recommendations written out by hand, at every institution but one that requires authenticated
 * credentials (Harbor Graduate): there (TR-9) each offering whose record a credential gave (its
 * issuer not authenticated) goes to review unless TR-1 to TR-4 decide first, and the others keep
 * their answer, or get more hours where a reviewed one leaves more of a cap. 100 requests; {@code -Dcredentials.requests=N} runs more,
 * {@code -Dcredentials.seed=N} replays.
 */
@QuarkusTest
class LearnerCredentialsPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The shipped institution with requiresAuthenticatedCredentials (rules/institutions.yaml). */
    private static final String REQUIRES_AUTHENTICATED = "harbor-grad";
    private static final java.time.LocalDate REQUIRED_FROM = java.time.LocalDate.of(2027, 1, 1);
    private static final List<String> BEFORE_TR_9 = List.of("TR-1", "TR-2", "TR-3", "TR-4");
    private static final int REQUESTS = Integer.getInteger("credentials.requests", 100);
    private static final Map<Double, String> LETTERS = Map.of(4.0, "A", 3.7, "A-", 3.3, "B+", 3.0, "B", 2.7, "B-", 2.3, "C+", 2.0, "C",
            1.7, "C-", 1.0, "D", 0.0, "F");
    private static final Map<String, String> ACE_LEVELS = Map.of("VOCATIONAL", "VocationalCertificate",
            "LOWER_DIVISION", "LowerDivisionBaccalaureate", "UPPER_DIVISION", "UpperDivisionBaccalaureate", "GRADUATE", "Graduate");

    @Test
    void an_answer_with_credentials_is_the_answer_with_their_records_and_recommendations_written_out() throws Exception {
        long seed = Long.getLong("credentials.seed", System.nanoTime());
        System.out.println("LearnerCredentialsPropertiesTest: seed " + seed + " (replay with -Dcredentials.seed=" + seed + ")");
        Random random = new Random(seed);
        RequestMutator generator = new RequestMutator(random, List.of());
        int compared = 0;
        int credentials = 0;
        int reviewed = 0;
        int underTr9 = 0;
        for (int i = 0; i < REQUESTS; i++) {
            ObjectNode byHand = (ObjectNode) generator.generated();
            for (JsonNode generated : byHand.at("/learner/records")) {
                if (random.nextBoolean()) { // more completed, paid records than the generator makes, for more credentials
                    ObjectNode record = (ObjectNode) generated;
                    record.put("status", "COMPLETED").put("certificatePurchased", true);
                    if (!record.hasNonNull("completedOn")) {
                        record.put("completedOn", "2014-06-15"); // before every as-of date the generator picks
                    }
                }
            }
            if (post(byHand).statusCode() != 200) {
                continue; // an invalid combination the generator made
            }
            ObjectNode asCredentials = byHand.deepCopy();
            ArrayNode records = (ArrayNode) asCredentials.at("/learner/records");
            ArrayNode sent = ((ObjectNode) asCredentials.get("learner")).putArray("credentials");
            for (int r = records.size() - 1; r >= 0; r--) {
                ObjectNode record = (ObjectNode) records.get(r);
                boolean paid = !record.has("certificatePurchased") || record.get("certificatePurchased").asBoolean();
                if (!record.path("status").asText().equals("COMPLETED") || !record.hasNonNull("completedOn") || !paid
                        || random.nextInt(4) == 0) {
                    continue;
                }
                String offeringId = record.get("offeringId").asText();
                ObjectNode offering = offering(asCredentials, offeringId);
                ObjectNode handOffering = offering(byHand, offeringId);
                String achievement = "urn:achievement:" + offeringId;
                offering.put("achievementId", achievement);
                handOffering.put("achievementId", achievement);
                ObjectNode handRecord = (ObjectNode) handRecord(byHand, offeringId);
                handRecord.put("certificatePurchased", true);
                Double gpa = record.hasNonNull("gpa") ? record.get("gpa").asDouble() : null;
                ObjectNode credential = credential(random, achievement, record.get("completedOn").asText(), gpa, handRecord);
                if (!offering.has("creditRecommendation") && random.nextInt(3) == 0) {
                    endorse(random, credential, handOffering);
                }
                sent.insert(0, credential);
                records.remove(r);
                credentials++;
            }
            if (sent.isEmpty()) {
                continue;
            }
            // Harbor requires authenticated credentials from 2027 (a dated entry): before, it answers as written by hand.
            boolean requiring = !java.time.LocalDate.parse(byHand.path("asOf").asText(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()))
                    .isBefore(REQUIRED_FROM)
                    && without(REQUIRES_AUTHENTICATED, asCredentials) | without(REQUIRES_AUTHENTICATED, byHand);
            JsonNode read = JSON.readTree(post(asCredentials).then().statusCode(200).extract().asString());
            JsonNode written = JSON.readTree(post(byHand).then().statusCode(200).extract().asString());
            assertEquals(written.get("results"), read.get("results"), "results of " + asCredentials);
            assertEquals(written.get("institutions"), read.get("institutions"), "totals of " + asCredentials);
            read.get("credentials").forEach(reading -> assertEquals("RECORD", reading.get("use").asText(), reading.toString()));
            compared++;
            if (requiring) {
                underTr9 += reviewedWhereRequired(asCredentials, byHand, read.get("credentials"));
                reviewed++;
            }
        }
        System.out.println("LearnerCredentialsPropertiesTest: " + compared + " requests with " + credentials + " credentials alike, "
                + reviewed + " also at " + REQUIRES_AUTHENTICATED + " (" + underTr9 + " offerings reviewed under TR-9)");
        assertTrue(compared > REQUESTS / 4 && credentials > compared, compared + " requests, " + credentials + " credentials");
    }

    /** Takes the institution out of the request's receivingInstitutions (the field too, once empty); whether it was there. */
    private static boolean without(String institution, ObjectNode request) {
        ArrayNode named = (ArrayNode) request.get("receivingInstitutions");
        for (int i = 0; named != null && i < named.size(); i++) {
            if (named.get(i).asText().equals(institution)) {
                named.remove(i);
                if (named.isEmpty()) {
                    request.remove("receivingInstitutions");
                }
                return true;
            }
        }
        return false;
    }

    /**
     * TR-9 at the institution that requires authenticated credentials, named alone: an offering a
     * credential recorded is reviewed under TR-9 unless TR-1 to TR-4 decide it (then as written by
     * hand); any other keeps its answer, or, where a cap cut it (TR-8), gets at least its hours.
     * Returns how many offerings TR-9 reviewed.
     */
    private static int reviewedWhereRequired(ObjectNode asCredentials, ObjectNode byHand, JsonNode readings) throws Exception {
        ObjectNode credentialsThere = asCredentials.deepCopy();
        credentialsThere.putArray("receivingInstitutions").add(REQUIRES_AUTHENTICATED);
        ObjectNode handThere = byHand.deepCopy();
        handThere.putArray("receivingInstitutions").add(REQUIRES_AUTHENTICATED);
        JsonNode read = JSON.readTree(post(credentialsThere).then().statusCode(200).extract().asString());
        JsonNode written = JSON.readTree(post(handThere).then().statusCode(200).extract().asString());
        int underTr9 = 0;
        java.util.Set<String> fromCredentials = new java.util.HashSet<>();
        readings.forEach(reading -> fromCredentials.add(reading.get("offeringId").asText()));
        for (int i = 0; i < written.get("results").size(); i++) {
            JsonNode byHandResult = written.get("results").get(i);
            JsonNode readResult = read.get("results").get(i);
            String offering = byHandResult.get("offeringId").asText();
            JsonNode handTransfer = byHandResult.get("transfers").get(0);
            JsonNode readTransfer = readResult.get("transfers").get(0);
            String handPolicy = transferPolicy(byHandResult);
            String where = offering + " in " + credentialsThere;
            if (fromCredentials.contains(offering) && !BEFORE_TR_9.contains(handPolicy)) {
                assertEquals(List.of("REVIEW", "TR-9"), List.of(readTransfer.get("outcome").asText(), transferPolicy(readResult)), where);
                assertEquals(0, readTransfer.get("semesterHours").decimalValue().signum(), where);
                underTr9++;
            } else if ("TR-8".equals(handPolicy)) {
                assertTrue(readTransfer.get("semesterHours").decimalValue().compareTo(handTransfer.get("semesterHours").decimalValue()) >= 0,
                        where);
            } else {
                assertEquals(handTransfer, readTransfer, where);
                assertEquals(handPolicy, transferPolicy(readResult), where);
            }
        }
        return underTr9;
    }

    private static String transferPolicy(JsonNode result) {
        for (JsonNode conclusion : result.get("conclusions")) {
            if ("TRANSFER".equals(conclusion.get("topic").asText())) {
                return conclusion.get("policy").asText();
            }
        }
        throw new AssertionError("no TRANSFER conclusion in " + result);
    }

    /** An achievement credential for a record: one of the data models, the grade in one of its forms, the date in one of its places. */
    private static ObjectNode credential(Random random, String achievement, String completedOn, Double gpa, ObjectNode handRecord) {
        ObjectNode credential = JSON.createObjectNode();
        boolean older = random.nextBoolean();
        if (random.nextBoolean()) {
            credential.putArray("type").add("VerifiableCredential").add(random.nextBoolean() ? "OpenBadgeCredential" : "AchievementCredential");
        } else {
            credential.put("type", "OpenBadgeCredential");
        }
        if (random.nextBoolean()) {
            credential.put("issuer", "https://issuer.example.org");
        } else {
            credential.putObject("issuer").put("id", "https://issuer.example.org").put("name", "An issuer");
        }
        ObjectNode subject = credential.putObject("credentialSubject");
        ObjectNode described = subject.putObject("achievement").put("id", achievement);
        String time = completedOn + (random.nextBoolean() ? "" : "T12:00:00" + (random.nextBoolean() ? "Z" : "-07:00"));
        switch (random.nextInt(3)) {
            case 0 -> {
                subject.put("activityEndDate", time);
                credential.put(older ? "issuanceDate" : "validFrom", completedOn);
            }
            case 1 -> credential.put("awardedDate", time).put(older ? "issuanceDate" : "validFrom", completedOn);
            default -> credential.put(older ? "issuanceDate" : "validFrom", time);
        }
        if (gpa != null) {
            String letter = LETTERS.get(gpa);
            boolean asLetter = letter != null && random.nextBoolean();
            described.putArray("resultDescription").addObject().put("id", "urn:result").put("resultType", asLetter ? "LetterGrade" : "GradePointAverage");
            subject.putArray("result").addObject().put("resultDescription", "urn:result").put("value", asLetter ? letter : String.valueOf(gpa));
        }
        return credential;
    }

    /** ACE's endorsement of the achievement, and the offering's recommendation written out by hand the same. */
    private static void endorse(Random random, ObjectNode credential, ObjectNode handOffering) {
        String level = List.copyOf(ACE_LEVELS.keySet()).stream().sorted().toList().get(random.nextInt(ACE_LEVELS.size()));
        int hours = 1 + random.nextInt(12);
        ObjectNode endorsement = ((ObjectNode) credential.at("/credentialSubject/achievement")).putArray("endorsement").addObject();
        endorsement.putArray("type").add("VerifiableCredential").add("EndorsementCredential");
        endorsement.put("validFrom", "2015-01-01T00:00:00Z").put("validUntil", "2030-12-31T23:59:59Z");
        ObjectNode subject = endorsement.putObject("credentialSubject");
        subject.putArray("type").add("EndorsementSubject").add("ACEEndorsementSubject");
        subject.putArray("creditRecommendations").addObject().put("semesterHours", hours).put("level", ACE_LEVELS.get(level))
                .putArray("type").add("ACECreditRecommendation");
        handOffering.putObject("creditRecommendation").put("source", "ACE").put("semesterHours", hours).put("level", level)
                .put("validFrom", "2015-01-01").put("validUntil", "2030-12-31");
    }

    private static ObjectNode offering(ObjectNode request, String id) {
        for (JsonNode offering : request.get("offerings")) {
            if (offering.get("id").asText().equals(id)) {
                return (ObjectNode) offering;
            }
        }
        throw new AssertionError("no offering " + id);
    }

    private static JsonNode handRecord(ObjectNode request, String offeringId) {
        for (JsonNode record : request.at("/learner/records")) {
            if (record.get("offeringId").asText().equals(offeringId)) {
                return record;
            }
        }
        throw new AssertionError("no record for " + offeringId);
    }

    private static Response post(JsonNode request) throws Exception {
        return given().contentType(ContentType.JSON).body(JSON.writeValueAsString(request)).when().post("/api/v1/evaluations");
    }
}
