package org.advising.eligibility.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.advising.eligibility.credentials.proof.BundledContexts;
import org.advising.eligibility.credentials.proof.ProofVerifier;
import org.advising.eligibility.credentials.proof.TestSigner;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.advising.eligibility.model.CreditLevel;
import org.advising.eligibility.model.LearnerRecord;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.OfferingType;
import org.advising.eligibility.model.Provider;
import org.advising.eligibility.model.ProviderKind;
import org.advising.eligibility.model.RecordStatus;
import org.junit.jupiter.api.Test;

/** LC-1 .. LC-6 one by one, on the reader alone: each grade form, each date source, each use, the ACE levels. */
class CredentialReaderTest {

    private static final CredentialReader.Proofs PROOFS = new CredentialReader.Proofs(
            new ProofVerifier(BundledContexts.shipped(), ProofVerifier.DEFAULT_MAX_WORK, 100), TrustedIssuers.NONE, () -> false);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    private static final Offering COURSE = new Offering("c", "Statistics", OfferingType.COURSE,
            new Provider("Example State University", ProviderKind.UNIVERSITY, "HLC", null, null), true, null, null, null, null,
            BigDecimal.valueOf(3), CreditLevel.LOWER_DIVISION, "urn:a");

    private static CredentialReader.Read read(String credential, LearnerRecord... records) throws Exception {
        return CredentialReader.read(List.of(JSON.readTree(credential)), List.of(COURSE), List.of(records), AS_OF, PROOFS);
    }

    private static String badge(String members, String subject) {
        return "{\"type\": [\"VerifiableCredential\", \"OpenBadgeCredential\"]" + members
                + ", \"credentialSubject\": {\"achievement\": {\"id\": \"urn:a\", \"resultDescription\": ["
                + "{\"id\": \"gpa\", \"resultType\": \"GradePointAverage\"}, {\"id\": \"letter\", \"resultType\": \"LetterGrade\"},"
                + "{\"id\": \"pass\", \"resultType\": \"PassFail\"}]}" + subject + "}}";
    }

    @Test
    void the_completion_date_comes_from_activity_end_then_awarded_then_valid_from_as_written() throws Exception {
        String from = ", \"validFrom\": \"2026-03-01T23:30:00-08:00\"";
        assertEquals(LocalDate.of(2026, 2, 27), read(badge(from + ", \"awardedDate\": \"2026-02-28T00:00:00Z\"",
                ", \"activityEndDate\": \"2026-02-27\"")).records().get(0).completedOn());
        assertEquals(LocalDate.of(2026, 2, 28), read(badge(from + ", \"awardedDate\": \"2026-02-28T00:00:00Z\"", "")).records().get(0).completedOn());
        assertEquals(LocalDate.of(2026, 3, 1), read(badge(from, "")).records().get(0).completedOn(), "the date as written, no conversion to UTC");
        assertEquals(LocalDate.of(2025, 1, 2), read(badge(", \"issuanceDate\": \"2025-01-02T00:00:00Z\"", "")).records().get(0).completedOn());
    }

    @Test
    void a_grade_point_average_comes_before_a_letter_grade_and_other_results_give_none() throws Exception {
        assertEquals(3.5, read(badge("", ", \"result\": [{\"resultDescription\": \"letter\", \"value\": \"A\"},"
                + " {\"resultDescription\": \"gpa\", \"value\": \"3.5\"}]")).records().get(0).gpa());
        assertEquals(2.7, read(badge("", ", \"result\": [{\"resultDescription\": \"letter\", \"value\": \"B\u2212\"}]")).records().get(0).gpa());
        assertEquals(0.7, read(badge("", ", \"result\": [{\"resultDescription\": \"letter\", \"value\": \"d-\"}]")).records().get(0).gpa());
        CredentialReader.Read pass = read(badge("", ", \"result\": [{\"resultDescription\": \"pass\", \"value\": \"Pass\"}]"));
        assertNull(pass.records().get(0).gpa());
        assertEquals("Its results are of the kinds PassFail, none a grade point average or a letter grade, so the record has no grade.",
                pass.readings().get(0).notes().get(2));
        CredentialReader.Read high = read(badge("", ", \"result\": [{\"resultDescription\": \"gpa\", \"value\": \"4.3\"}]"));
        assertNull(high.records().get(0).gpa());
        assertEquals("The grade point average \"4.3\" is not a number from 0.0 to 4.0, so the record has no grade.",
                high.readings().get(0).notes().get(2));
        assertEquals(3.67, read(badge("", ", \"result\": [{\"resultDescription\": \"gpa\", \"value\": 3.667}]")).records().get(0).gpa());
    }

    @Test
    void each_use_of_a_credential() throws Exception {
        assertEquals(CredentialReading.Use.RECORD, read(badge("", "")).readings().get(0).use());
        assertEquals(new LearnerRecord("c", RecordStatus.COMPLETED, true, null, null), read(badge("", "")).records().get(0));
        assertEquals(CredentialReading.Use.NOT_VALID, read(badge(", \"validUntil\": \"2026-11-19T00:00:00Z\"", "")).readings().get(0).use());
        assertEquals(CredentialReading.Use.NOT_VALID, read(badge(", \"expirationDate\": \"2026-11-19\"", "")).readings().get(0).use());
        assertEquals(CredentialReading.Use.NOT_VALID, read(badge(", \"validFrom\": \"2026-11-21\"", "")).readings().get(0).use());
        assertEquals(CredentialReading.Use.RECORD, read(badge(", \"validUntil\": \"2026-11-20T00:00:00Z\"", "")).readings().get(0).use(),
                "valid through its last day");
        CredentialReader.Read duplicate = read(badge("", ""), new LearnerRecord("c", RecordStatus.ENROLLED, null, null, null));
        assertEquals(CredentialReading.Use.DUPLICATE, duplicate.readings().get(0).use());
        assertEquals(1, duplicate.records().size(), "the record of learner.records stays the only one");
        assertEquals(CredentialReading.Use.NO_OFFERING, read(badge("", "").replace("urn:a", "urn:b")).readings().get(0).use());
    }

    @Test
    void ace_levels_map_to_the_contract_and_the_first_recommendation_is_taken_with_the_endorsement_dates() throws Exception {
        for (var level : List.of(List.of("VocationalCertificate", "VOCATIONAL"), List.of("LowerDivisionBaccalaureate", "LOWER_DIVISION"),
                List.of("UpperDivisionBaccalaureate", "UPPER_DIVISION"), List.of("Graduate", "GRADUATE"))) {
            String endorsed = badge(", \"endorsement\": [{\"type\": \"EndorsementCredential\", \"validFrom\": \"2025-01-01T00:00:00Z\","
                    + " \"credentialSubject\": {\"type\": [\"EndorsementSubject\", \"ACEEndorsementSubject\"], \"creditRecommendations\": ["
                    + "{\"type\": \"ACECreditRecommendation\", \"semesterHours\": 6.0, \"level\": \"" + level.get(0) + "\"}]}}]", "");
            CredentialReader.Read read = read(endorsed);
            assertEquals(CreditLevel.valueOf(level.get(1)), read.offerings().get(0).creditRecommendation().level());
            assertEquals("ACE", read.offerings().get(0).creditRecommendation().source());
            assertEquals(0, BigDecimal.valueOf(6).compareTo(read.offerings().get(0).creditRecommendation().semesterHours()));
            assertEquals(LocalDate.of(2025, 1, 1), read.offerings().get(0).creditRecommendation().validFrom());
            assertNull(read.offerings().get(0).creditRecommendation().validUntil());
        }
    }

    @Test
    void a_clr_is_read_credential_by_credential_in_its_place() throws Exception {
        JsonNode clr = JSON.readTree("{\"type\": \"ClrCredential\", \"credentialSubject\": {\"verifiableCredential\": [" + badge("", "")
                + ", " + badge("", "").replace("urn:a", "urn:z") + "]}}");
        CredentialReader.Read read = CredentialReader.read(List.of(clr), List.of(COURSE), List.of(), AS_OF, PROOFS);
        assertEquals(List.of("learner.credentials[0].credentialSubject.verifiableCredential[0]",
                "learner.credentials[0].credentialSubject.verifiableCredential[1]"),
                read.readings().stream().map(CredentialReading::path).toList());
        assertEquals(List.of(CredentialReading.Use.RECORD, CredentialReading.Use.NO_OFFERING),
                read.readings().stream().map(CredentialReading::use).toList());
    }

    @Test
    void the_specification_example_teamwork_badge_in_both_data_models() throws Exception {
        // The shape of Open Badges 3.0's own example credential, with a made-up proof and a credential schema the reader ignores.
        String teamwork = """
                {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "id": "http://example.com/credentials/3527", "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "issuer": {"id": "https://example.com/issuers/876543", "type": ["Profile"], "name": "Example Corp"},
                 "validFrom": "2010-01-01T00:00:00Z", "name": "Teamwork Badge",
                 "credentialSubject": {"id": "did:example:ebfeb1f712ebc6f1c276e12ec21", "type": ["AchievementSubject"],
                   "achievement": {"id": "https://example.com/achievements/21st-century-skills/teamwork", "type": ["Achievement"],
                     "criteria": {"narrative": "Team members are nominated for this badge by their peers."},
                     "description": "This badge recognizes the capacity to collaborate within a group.", "name": "Teamwork"}},
                 "credentialSchema": [{"id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
                   "type": "1EdTechJsonSchemaValidator2019"}],
                 "proof": [{"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2010-01-01T19:23:24Z",
                   "verificationMethod": "https://example.com/issuers/876543#key-1", "proofPurpose": "assertionMethod", "proofValue": "z3yU"}]}""";
        Offering teamworkCourse = new Offering("t", "Teamwork", OfferingType.COURSE, COURSE.provider(), null, null, null, null, null, null,
                null, "https://example.com/achievements/21st-century-skills/teamwork");
        for (String credential : List.of(teamwork, teamwork.replace("\"validFrom\"", "\"issuanceDate\"")
                .replace("https://www.w3.org/ns/credentials/v2", "https://www.w3.org/2018/credentials/v1"))) {
            // Its made-up proofValue does not decode: the proof is INVALID and the credential gives no record (LC-10).
            CredentialReader.Read forged = CredentialReader.read(List.of(JSON.readTree(credential)), List.of(teamworkCourse), List.of(), AS_OF,
                    PROOFS);
            assertEquals(CredentialReading.Use.INVALID_PROOF, forged.readings().get(0).use());
            assertEquals(List.of("Its proof does not hold: its proofValue is not a multibase (z…) Ed25519 signature of 64 bytes.",
                    "A credential whose proof does not hold gives no record."), forged.readings().get(0).notes());
            assertEquals(List.of(), forged.records());
            // Without it, the credential is read (with no proof to show it was not changed).
            CredentialReader.Read read = CredentialReader.read(List.of(JSON.readTree(credential.replaceAll("(?s),\\s*\"proof\": \\[.*\\]\\}$", "}"))),
                    List.of(teamworkCourse), List.of(), AS_OF, PROOFS);
            CredentialReading reading = read.readings().get(0);
            assertEquals(List.of(CredentialReading.Use.RECORD, "Teamwork", "Example Corp", "t", "NONE"),
                    List.of(reading.use(), reading.name(), reading.issuer(), reading.offeringId(), reading.proof().status().name()));
            assertEquals(new LearnerRecord("t", RecordStatus.COMPLETED, true, null, LocalDate.of(2010, 1, 1)), read.records().get(0));
        }
    }

    @Test
    void a_badge_without_a_proof_inside_a_signed_clr_is_read_with_the_clrs_which_authenticates_it_only_for_the_same_issuer()
            throws Exception {
        TestSigner university = new TestSigner(31);
        com.fasterxml.jackson.databind.node.ObjectNode clr = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                java.nio.file.Path.of("src/test/resources/proof-examples/21-proof-clr-holding-a-signed-badge.json").toFile())
                .at("/request/learner/credentials/0");
        clr.remove("proof");
        clr.with("issuer").put("id", university.didKey());
        com.fasterxml.jackson.databind.node.ObjectNode badge = (com.fasterxml.jackson.databind.node.ObjectNode) clr
                .at("/credentialSubject/verifiableCredential/0");
        badge.remove("proof");
        Offering teamwork = new Offering("t", "Teamwork", OfferingType.COURSE, COURSE.provider(), null, null, null, null, null, null,
                null, "https://example.com/achievements/21st-century-skills/teamwork");
        // Issued by Example Corp, held in a CLR the university signed: unchanged, but its issuer is not the CLR's.
        CredentialReading other = CredentialReader.read(List.of(university.sign(clr, university.didKey())), List.of(teamwork), List.of(),
                AS_OF, PROOFS).readings().get(0);
        assertEquals(List.of(CredentialReading.Use.RECORD, "VERIFIED", "CLR", false), List.of(other.use(), other.proof().status().name(),
                other.proof().from().name(), other.proof().issuerAuthenticated()));
        assertEquals("It is read with the proof of the CLR holding it (learner.credentials[0]), whose issuer is not its own: the proof "
                + "shows it was not changed, not who issued it.", other.notes().get(0));
        // Issued by the university itself: the CLR's proof authenticates it.
        badge.with("issuer").put("id", university.didKey());
        CredentialReader.Read same = CredentialReader.read(List.of(university.sign(clr, university.didKey())), List.of(teamwork), List.of(),
                AS_OF, PROOFS);
        assertEquals(List.of("VERIFIED", "CLR", true), List.of(same.readings().get(0).proof().status().name(),
                same.readings().get(0).proof().from().name(), same.readings().get(0).proof().issuerAuthenticated()));
        assertEquals(List.of(new org.advising.eligibility.model.CredentialRecord("t", university.didKey(), true)), same.credentialRecords());
    }

    @Test
    void an_ace_endorsement_whose_own_proof_does_not_hold_gives_no_recommendation() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode certificate = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                java.nio.file.Path.of("src/test/resources/credential-examples/16-certificate-badge-with-ace-recommendation.json").toFile())
                .at("/request/learner/credentials/0");
        JsonNode endorsement = certificate.at("/credentialSubject/achievement/endorsement/0");
        ((com.fasterxml.jackson.databind.node.ObjectNode) endorsement).putObject("proof").put("type", "DataIntegrityProof")
                .put("cryptosuite", "eddsa-rdfc-2022").put("verificationMethod", "https://ace.example.org/keys#key-1")
                .put("proofPurpose", "assertionMethod").put("proofValue", "z3yU"); // does not decode: INVALID
        Offering cloud = new Offering("pc-cloud", "Cloud", OfferingType.PROFESSIONAL_CERTIFICATE, new Provider("Example Cloud Co",
                ProviderKind.COMPANY, null, null, null), null, null, null, null, null, null, null,
                certificate.at("/credentialSubject/achievement/id").asText());
        CredentialReader.Read read = CredentialReader.read(List.of(certificate), List.of(cloud), List.of(), AS_OF, PROOFS);
        CredentialReading reading = read.readings().get(0);
        assertEquals(CredentialReading.Use.RECORD, reading.use());
        assertNull(reading.creditRecommendation());
        assertNull(read.offerings().get(0).creditRecommendation());
        assertEquals(true, reading.notes().stream().anyMatch(note -> note.startsWith("ACE's endorsement at "
                + "learner.credentials[0].credentialSubject.achievement.endorsement[0] is not used: its proof does not hold")), reading.notes().toString());
    }
}
