package org.advising.eligibility.engine.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.advising.eligibility.RulesCopy;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.folder.Institutions;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.advising.eligibility.engine.prove.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per kind of mistake a policy author makes, with the exact {@code file:line: message}
 * they are shown: always the line of the mistake, never the rule's header for a then part, never
 * line -1 or 0, never an empty message.
 */
class AuthorMistakesTest {

    @TempDir
    Path folder;

    private static final String HEADER = "package eligibility;\n\nimport org.advising.eligibility.model.*;\n\n";

    /** A rule whose when part starts at line 9 and whose then part starts on the line after its "then". */
    private static String rule(String name, String when, String then) {
        return "rule \"" + name + "\"\n    @policy(\"CR-1\")\n    @description(\"One rule with one mistake.\")\nwhen\n"
                + when + "\nthen\n" + then + "\nend\n";
    }

    private static final String ADVICE = "    insert(Conclusion.advice($offering, \"x\"));";

    static Stream<Arguments> drlMistakes() {
        return Stream.of(
                Arguments.of("misspelt fact type in when", rule("R", "    $offering : Ofering( type == OfferingType.COURSE )", ADVICE),
                        "broken.drl:9: 'Ofering' is not a known fact type"),
                Arguments.of("misspelt field in when", rule("R", "    $offering : Offering( creditEligable == true )", ADVICE),
                        "broken.drl:9: Offering has no field 'creditEligable'; its fields are id, title, type, provider, "
                                + "creditEligible, hasCapstone, creditRecommendation, degreePathway, alignedCertification, semesterHours, creditLevel, "
                                + "achievementId"),
                Arguments.of("misspelt enum constant in when", rule("R", "    $offering : Offering()\n"
                                + "    Conclusion( offering == $offering, outcome == Credential.PLATFORM_CERT )", ADVICE),
                        "broken.drl:10: Credential has no value 'PLATFORM_CERT'; its values are NONE, PLATFORM_CERTIFICATE, "
                                + "UNIVERSITY_CERTIFICATE, DEGREE_AND_TRANSCRIPT"),
                Arguments.of("misspelt variable in when", rule("R", "    $offering : Offering()\n    Conclusion( offering == $offfering )", ADVICE),
                        "broken.drl:10: '$offfering' is not defined: no pattern before it binds it"),
                Arguments.of("misspelt method in when", rule("R", "    $offering : Offering( type.labl() == \"course\" )", ADVICE),
                        "broken.drl:9: OfferingType has no method 'labl()'; its methods are label()"),
                Arguments.of("misspelt fact type in then", rule("R", "    $offering : Offering()",
                                "    insert(Conclusoin.advice($offering, \"x\"));"),
                        "broken.drl:11: 'Conclusoin' is not a known fact type or class"),
                Arguments.of("misspelt method in then", rule("R", "    $offering : Offering()",
                                "    String title = $offering.title();\n    insert(Conclusion.advice($offering, $offering.titel()));"),
                        "broken.drl:12: Offering has no method 'titel()'; its methods are achievementId(), alignedCertification(), creditEligible(), "
                                + "creditLevel(), creditRecommendation(), degreePathway(), hasCapstone(), id(), provider(), semesterHours(), "
                                + "title(), type()"),
                Arguments.of("misspelt enum constant in then", rule("R", "    $offering : Offering()",
                                "    insert(new Conclusion($offering, Admission.ELIGBLE, \"x\"));"),
                        "broken.drl:11: Admission has no value 'ELIGBLE'; its values are ELIGIBLE, PATHWAY, NOT_ELIGIBLE, NOT_APPLICABLE"),
                Arguments.of("misspelt variable in then", rule("R", "    $offering : Offering()",
                                "    insert(Conclusion.advice($offfering, \"x\"));"),
                        "broken.drl:11: '$offfering' is not defined: no pattern in the when part binds it"),
                Arguments.of("missing parenthesis in when", rule("R", "    $offering : Offering( type == OfferingType.COURSE\n"
                                + "    LearnerRecord( offeringId == $offering.id )", ADVICE),
                        "broken.drl:9: a parenthesis opened on this line is not closed"),
                Arguments.of("missing parenthesis in then", rule("R", "    $offering : Offering()",
                                "    insert(Conclusion.advice($offering,\n        \"x\");"),
                        "broken.drl:12: Syntax error, insert \")\" to complete Expression"),
                Arguments.of("missing semicolon in then", rule("R", "    $offering : Offering()",
                                "    insert(Conclusion.advice($offering, \"x\"))\n    // the end of the then part"),
                        "broken.drl:11: Syntax error, insert \";\" to complete Statement"),
                Arguments.of("missing end before the next rule", rule("R", "    $offering : Offering()", ADVICE).replace("\nend\n", "\n\n")
                                + rule("S", "    $offering : Offering()", ADVICE),
                        "broken.drl:11: rule \"R\" has no 'end' after its then part"),
                Arguments.of("missing end at the end of the file", rule("R", "    $offering : Offering()", ADVICE).replace("\nend\n", "\n"),
                        "broken.drl:11: rule \"R\" has no 'end' after its then part"),
                Arguments.of("wrong type in a comparison", rule("R", "    $offering : Offering()\n    Offering( this == $offering, type == 3 )", ADVICE),
                        "broken.drl:10: 'type == 3' compares OfferingType with Integer, which can never match"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drlMistakes")
    void a_rule_mistake_is_named_at_its_line(String mistake, String rules, String expected) throws IOException {
        Files.writeString(folder.resolve("broken.drl"), HEADER + rules);
        Files.copy(Path.of("rules", RulesFolder.POLICY_VALUES), folder.resolve(RulesFolder.POLICY_VALUES));
        assertEquals(List.of(expected), errorsOf(folder));
    }

    static Stream<Arguments> policyValueMistakes() {
        return Stream.of(
                Arguments.of("unknown key", "passingGrade: 2.0\nrecognisedAccreditors:\n  - code: HLC\n",
                        "policy-values.yaml:2: unknown policy value 'recognisedAccreditors'; known: passingGrade, recognizedAccreditors, topicOrder"),
                Arguments.of("a word for a number", "passingGrade: high\nrecognizedAccreditors:\n  - code: HLC\n",
                        "policy-values.yaml:1: passingGrade must be a number, not \"high\""),
                Arguments.of("a bad date", "passingGrade: 2.0\nrecognizedAccreditors:\n  - code: HLC\n    from: 2027-13-01\n",
                        "policy-values.yaml:4: from must be a date such as 2027-07-01, not \"2027-13-01\""),
                Arguments.of("bad indentation", "passingGrade: 2.0\nrecognizedAccreditors:\n  - code: HLC\n   name: Higher Learning Commission\n",
                        "policy-values.yaml:4: the YAML is malformed here: its indentation does not line up with the lines above it"),
                Arguments.of("a colon inside a value", "passingGrade: 2.0\nrecognizedAccreditors:\n  - code: HLC\n    name: Commission: Higher Learning\n",
                        "policy-values.yaml:4: the YAML is malformed here: a second ':' on one line (a value with a colon needs quotes)"),
                Arguments.of("a topic without its hit policy", "passingGrade: 2.0\nrecognizedAccreditors:\n  - code: HLC\ntopicOrder:\n  - credit\n",
                        "policy-values.yaml:5: topicOrder[0] credit states no hit policy: write \"- credit: FIRST\" (or FIRST, UNIQUE, "
                                + "COLLECT), so that how its rules decide is declared once"),
                Arguments.of("an unknown hit policy", "passingGrade: 2.0\nrecognizedAccreditors:\n  - code: HLC\ntopicOrder:   # the order\n"
                                + "  - accreditation: UNIQUE\n  # the credit topic\n  - credit: FRIST\n",
                        "policy-values.yaml:7: topicOrder[1] credit: \"FRIST\" is not a hit policy; known: FIRST, UNIQUE, COLLECT"),
                Arguments.of("advice not collected", "passingGrade: 2.0\nrecognizedAccreditors:\n  - code: HLC\ntopicOrder:\n  - advice: FIRST\n",
                        "policy-values.yaml:5: topicOrder[0] advice is always COLLECT: every advice rule that holds adds its note (PR-1)"),
                Arguments.of("an answer collected", "passingGrade: 2.0\nrecognizedAccreditors:\n  - code: HLC\ntopicOrder:\n  - transfer: COLLECT\n",
                        "policy-values.yaml:5: topicOrder[0] transfer gives one answer per offering and institution, so its rules cannot "
                                + "all conclude: write FIRST or UNIQUE, not COLLECT"),
                Arguments.of("a topic of facts that decides", "passingGrade: 2.0\nrecognizedAccreditors:\n  - code: HLC\ntopicOrder:\n"
                                + "  - transfer-caps: FIRST\n",
                        "policy-values.yaml:5: topicOrder[0] transfer-caps draws no answer of its own (no conclusion has that topic), so "
                                + "every rule of it fires whenever it holds: write COLLECT"),
                Arguments.of("a missing value", "recognizedAccreditors:\n  - code: HLC\n",
                        "policy-values.yaml:1: passingGrade is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policyValueMistakes")
    void a_policy_value_mistake_is_named_at_its_line(String mistake, String values, String expected) throws IOException {
        Files.writeString(folder.resolve("rules.drl"), HEADER);
        Files.writeString(folder.resolve(RulesFolder.POLICY_VALUES), values);
        assertEquals(List.of(expected), errorsOf(folder));
    }

    private static final String INSTITUTION = """
            institutions:
              - id: example-state
                name: Example State University
                minimumGrade: 2.0
                acceptedLevels: [LOWER_DIVISION, UPPER_DIVISION]
                creditRecommendations:
                  sources: [ACE]
                  maxSemesterHours: 30
                maxTransferSemesterHours: 90
            """;

    static Stream<Arguments> institutionMistakes() {
        String dated = INSTITUTION + "    until: 2026-12-31\n" + INSTITUTION.replace("institutions:\n", "") + "    from: 2026-12-01\n";
        return Stream.of(
                Arguments.of("unknown key", INSTITUTION.replace("maxTransferSemesterHours", "maxTransferHours"),
                        "institutions.yaml:9: unknown institution key 'maxTransferHours'; known: acceptedLevels, "
                                + "acceptsPresumedAccreditation, creditRecommendations, creditValidForYears, from, id, "
                                + "maxTransferSemesterHours, minimumGrade, name, requiresAuthenticatedCredentials, until"),
                Arguments.of("a word for true or false", INSTITUTION + "    requiresAuthenticatedCredentials: yes\n",
                        "institutions.yaml:10: requiresAuthenticatedCredentials must be true or false, not \"yes\""),
                Arguments.of("missing required key", INSTITUTION.replace("    name: Example State University\n", ""),
                        "institutions.yaml:2: institutions[0] (example-state) has no name"),
                Arguments.of("unknown level", INSTITUTION.replace("UPPER_DIVISION]", "JUNIOR]"),
                        "institutions.yaml:5: acceptedLevels must be one of VOCATIONAL, LOWER_DIVISION, UPPER_DIVISION, GRADUATE, not \"JUNIOR\""),
                Arguments.of("negative number", INSTITUTION.replace("maxSemesterHours: 30", "maxSemesterHours: -3"),
                        "institutions.yaml:2: institutions[0] (example-state) has creditRecommendations.maxSemesterHours -3; it must be 0 or more"),
                Arguments.of("word for a number", INSTITUTION.replace("minimumGrade: 2.0", "minimumGrade: C"),
                        "institutions.yaml:4: minimumGrade must be a number, not \"C\""),
                Arguments.of("bad date", INSTITUTION + "    from: 2026-02-30\n",
                        "institutions.yaml:10: from must be a date such as 2027-07-01, not \"2026-02-30\""),
                Arguments.of("from after until", INSTITUTION + "    from: 2027-01-01\n    until: 2026-12-31\n",
                        "institutions.yaml:2: institutions[0] (example-state) has from 2027-01-01 after until 2026-12-31"),
                Arguments.of("an id that is not one", INSTITUTION.replace("id: example-state", "id: Example State"),
                        "institutions.yaml:2: institutions[0] (Example State) has id \"Example State\"; an id is 1 to 64 of a-z, 0-9 and -"),
                Arguments.of("recommendations without sources", INSTITUTION.replace("sources: [ACE]", "sources: []"),
                        "institutions.yaml:2: institutions[0] (example-state) has no creditRecommendations.sources; list the sources it "
                                + "accepts, or leave creditRecommendations out"),
                Arguments.of("an empty entry", INSTITUTION + "  - ~\n", "institutions.yaml:10: institutions[1] is empty"),
                Arguments.of("hours past their bound", INSTITUTION.replace("maxTransferSemesterHours: 90", "maxTransferSemesterHours: 5000"),
                        "institutions.yaml:2: institutions[0] (example-state) has maxTransferSemesterHours 5000; it must be at most 1000"),
                Arguments.of("overlapping dated entries", dated,
                        "institutions.yaml:11: institutions[1] (example-state) is in effect on some of the same dates as the entry "
                                + "of line 2; entries of one id need from/until dates that do not overlap"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("institutionMistakes")
    void an_institution_mistake_is_named_at_its_line(String mistake, String institutions, String expected) throws IOException {
        Files.writeString(folder.resolve("rules.drl"), HEADER);
        Files.copy(Path.of("rules", RulesFolder.POLICY_VALUES), folder.resolve(RulesFolder.POLICY_VALUES));
        Files.writeString(folder.resolve(Institutions.FILE), institutions);
        assertEquals(List.of(expected), errorsOf(folder));
    }

    /** Every mistake of an entry, in the order its fields are written, whichever constraint finds it. */
    @Test
    void an_institutions_mistakes_are_listed_in_the_order_they_are_written() throws IOException {
        Files.writeString(folder.resolve("rules.drl"), HEADER);
        Files.copy(Path.of("rules", RulesFolder.POLICY_VALUES), folder.resolve(RulesFolder.POLICY_VALUES));
        Files.writeString(folder.resolve(Institutions.FILE), INSTITUTION.replace("minimumGrade: 2.0", "minimumGrade: 5.125")
                .replace("    acceptedLevels: [LOWER_DIVISION, UPPER_DIVISION]\n", "") + "    creditValidForYears: 0\n    from: 2027-01-01\n"
                + "    until: 2026-12-31\n");
        String where = "institutions.yaml:2: institutions[0] (example-state) ";
        assertEquals(List.of(where + "has minimumGrade 5.125; it must be from 0.0 to 4.0",
                where + "has minimumGrade 5.125; it may have at most 2 decimals",
                where + "has no acceptedLevels; list at least one of VOCATIONAL, LOWER_DIVISION, UPPER_DIVISION, GRADUATE",
                where + "has creditValidForYears 0; it must be 1 or more",
                where + "has from 2027-01-01 after until 2026-12-31"), errorsOf(folder));
    }

    private static final String TRUSTED_ISSUER = """
            issuers:
              - issuer: https://registrar.example.edu/issuers/1
                name: Example State University Registrar
                keys:
                  - id: https://registrar.example.edu/issuers/1#key-1
                    publicKeyMultibase: z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi
                    from: 2024-01-01
            """;

    /** A second key of the same issuer, at line 9. */
    private static final String SECOND_KEY = """
                  - id: https://registrar.example.edu/issuers/1#key-2
                    publicKeyMultibase: z6MknNHHrBzPytzu6CUBP9Lg7fg4KSBjzimc2Frh693YbMiv
            """;

    static Stream<Arguments> trustedIssuerMistakes() {
        String where = "issuers[0] (https://registrar.example.edu/issuers/1)";
        String key = where + " keys[0] (https://registrar.example.edu/issuers/1#key-1)";
        return Stream.of(
                Arguments.of("unknown key", TRUSTED_ISSUER.replace("publicKeyMultibase:", "publicKey:"),
                        "trusted-issuers.yaml:6: unknown trusted issuer key 'publicKey'; known: from, id, publicKeyMultibase, until"),
                Arguments.of("unknown key of an issuer", TRUSTED_ISSUER.replace("    keys:", "    kyes:"),
                        "trusted-issuers.yaml:4: unknown trusted issuer key 'kyes'; known: issuer, keys, name"),
                Arguments.of("no issuer", TRUSTED_ISSUER.replace("  - issuer: https://registrar.example.edu/issuers/1\n    name:", "  - name:"),
                        "trusted-issuers.yaml:2: issuers[0] has no issuer; write the issuer id exactly as its credentials name it "
                                + "(issuer, or issuer.id)"),
                Arguments.of("an issuer id that is no URI", TRUSTED_ISSUER.replace("issuer: https://registrar.example.edu/issuers/1",
                                "issuer: Example State University"),
                        "trusted-issuers.yaml:2: issuers[0] (Example State University) has the issuer \"Example State University\", which is "
                                + "not an absolute URI; write the issuer id exactly as its credentials name it (https://…, did:…, urn:…)"),
                Arguments.of("no name", TRUSTED_ISSUER.replace("    name: Example State University Registrar\n", ""),
                        "trusted-issuers.yaml:2: " + where + " has no name"),
                Arguments.of("no keys", TRUSTED_ISSUER.substring(0, TRUSTED_ISSUER.indexOf("    keys:")),
                        "trusted-issuers.yaml:2: " + where + " has no keys; list the keys its credentials' proofs name (id and publicKeyMultibase)"),
                Arguments.of("the same issuer twice", TRUSTED_ISSUER + TRUSTED_ISSUER.replace("issuers:\n", "").replace("#key-1", "#key-2"),
                        "trusted-issuers.yaml:8: issuers[1] (https://registrar.example.edu/issuers/1) names the same issuer as the entry of "
                                + "line 2; list each issuer once, with all its keys"),
                Arguments.of("a key without its id", TRUSTED_ISSUER.replace("      - id: https://registrar.example.edu/issuers/1#key-1\n"
                                + "        publicKeyMultibase:", "      - publicKeyMultibase:"),
                        "trusted-issuers.yaml:5: " + where + " keys[0] has no id; write the verificationMethod its credentials' proofs name"),
                Arguments.of("a key id that is only a fragment", TRUSTED_ISSUER.replace("id: https://registrar.example.edu/issuers/1#key-1",
                                "id: \"#key-1\""),
                        "trusted-issuers.yaml:5: " + where + " keys[0] (#key-1) has the id \"#key-1\", which is not an absolute URI; write "
                                + "the verificationMethod its credentials' proofs name, whole (https://…#key-1, did:…#…)"),
                Arguments.of("the same key twice", TRUSTED_ISSUER + SECOND_KEY.replace("#key-2", "#key-1"),
                        "trusted-issuers.yaml:8: " + where + " keys[1] (https://registrar.example.edu/issuers/1#key-1) has the same id as "
                                + "the key of line 5; key ids are unique within an issuer"),
                Arguments.of("a key without its publicKeyMultibase", TRUSTED_ISSUER.replace(
                                "        publicKeyMultibase: z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi\n", ""),
                        "trusted-issuers.yaml:5: " + key + " has no publicKeyMultibase"),
                Arguments.of("a publicKeyMultibase that is not multibase", TRUSTED_ISSUER.replace("publicKeyMultibase: z6Mk", "publicKeyMultibase: 6Mk"),
                        "trusted-issuers.yaml:6: " + key + ": publicKeyMultibase is not multibase base58-btc (it starts with z)"),
                Arguments.of("a publicKeyMultibase mistyped", TRUSTED_ISSUER.replace("z6MkjZRZv3aez3r18", "z6MkjZRZv3aez3r10"),
                        "trusted-issuers.yaml:6: " + key + ": publicKeyMultibase has \"0\", which is not a base58-btc digit"),
                Arguments.of("a publicKeyMultibase cut short", TRUSTED_ISSUER.replace("hwi\n", "\n"),
                        "trusted-issuers.yaml:6: " + key + ": publicKeyMultibase is not an Ed25519 multikey (multicodec 0xed01 and 32 bytes "
                                + "of key, written z6Mk…)"),
                Arguments.of("a publicKeyMultibase of the second key", TRUSTED_ISSUER + SECOND_KEY.replace("z6MknNHH", "zQ3s"),
                        "trusted-issuers.yaml:9: " + where + " keys[1] (https://registrar.example.edu/issuers/1#key-2): publicKeyMultibase is "
                                + "not an Ed25519 multikey (multicodec 0xed01 and 32 bytes of key, written z6Mk…)"),
                Arguments.of("bad date", TRUSTED_ISSUER.replace("from: 2024-01-01", "from: 2024-02-30"),
                        "trusted-issuers.yaml:7: from must be a date such as 2027-07-01, not \"2024-02-30\""),
                Arguments.of("from after until", TRUSTED_ISSUER + "        until: 2023-12-31\n",
                        "trusted-issuers.yaml:5: " + key + " has from 2024-01-01 after until 2023-12-31"),
                Arguments.of("a date out of bounds", TRUSTED_ISSUER.replace("from: 2024-01-01", "from: 1024-01-01"),
                        "trusted-issuers.yaml:5: " + key + " has from 1024-01-01; a date must be from 1900-01-01 to 2200-12-31"),
                Arguments.of("misspelt list", TRUSTED_ISSUER.replace("issuers:", "isuers:"),
                        "trusted-issuers.yaml:1: unknown trusted issuer key 'isuers'; known: issuers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trustedIssuerMistakes")
    void a_trusted_issuer_mistake_is_named_at_its_line(String mistake, String trustedIssuers, String expected) throws IOException {
        Files.writeString(folder.resolve("rules.drl"), HEADER);
        Files.copy(Path.of("rules", RulesFolder.POLICY_VALUES), folder.resolve(RulesFolder.POLICY_VALUES));
        Files.writeString(folder.resolve(TrustedIssuers.FILE), trustedIssuers);
        assertEquals(List.of(expected), errorsOf(folder));
    }

    private static final String CASE = """
            - name: One case
              asOf: 2026-11-20
              learner: { id: learner-1 }
              offerings:
                - id: c1
                  type: COURSE
                  provider: { name: Example State University, kind: UNIVERSITY, accreditor: HLC }
              expect:
                c1: { accredited: false }
            """;

    static Stream<Arguments> scenarioMistakes() {
        return Stream.of(
                Arguments.of("unknown field", CASE.replace("type: COURSE", "typ: COURSE"),
                        "tests/case.yaml:6: unknown field 'typ'; known: achievementId, alignedCertification, creditEligible, creditLevel, "
                                + "creditRecommendation, degreePathway, hasCapstone, id, provider, semesterHours, title, type"),
                Arguments.of("a value not in the list", CASE.replace("type: COURSE", "type: COURS"),
                        "tests/case.yaml:6: type must be one of COURSE, SPECIALIZATION, MASTERTRACK, DEGREE, PROFESSIONAL_CERTIFICATE, not \"COURS\""),
                Arguments.of("a word for true or false", CASE.replace("accredited: false", "accredited: maybe"),
                        "tests/case.yaml:9: accredited must be true or false, not \"maybe\""),
                Arguments.of("bad indentation", CASE.replace("  offerings:", "   offerings:"),
                        "tests/case.yaml:4: the YAML is malformed here: its indentation does not line up with the lines above it"),
                Arguments.of("a case without expectations", CASE.replace("  expect:\n    c1: { accredited: false }\n", ""),
                        "tests/case.yaml:1: \"One case\": a case needs name, learner, offerings and expect"),
                Arguments.of("a case without its date", CASE.replace("  asOf: 2026-11-20\n", ""),
                        "tests/case.yaml:1: \"One case\": states no asOf date: add the line asOf: YYYY-MM-DD under its name, the date "
                                + "on which its expected answer holds (e.g. the day you write it); every case is evaluated as of the date "
                                + "it states, so that it gives the same answer on every day the scenarios run"),
                Arguments.of("a date written another way", CASE.replace("asOf: 2026-11-20", "asOf: 20.11.2026"),
                        "tests/case.yaml:2: asOf must be a date such as 2027-07-01, not \"20.11.2026\""),
                Arguments.of("a credential record without the record", CASE.replace("  offerings:",
                                "  credentialRecords: [{ offeringId: c1, issuer: \"https://registrar.example.edu\", issuerAuthenticated: false }]\n"
                                        + "  offerings:"),
                        "tests/case.yaml:1: \"One case\": credentialRecords[0] (c1) has no record in learner.records: write the record "
                                + "the credential gave there (COMPLETED, as the answer's credentials[] shows it); credentialRecords only "
                                + "says where it came from"),
                Arguments.of("a credential record of an offering the case lacks", CASE.replace("  offerings:",
                                "  credentialRecords: [{ offeringId: c2, issuerAuthenticated: true }]\n  offerings:"),
                        "tests/case.yaml:1: \"One case\": credentialRecords[0] names the offering 'c2', which the case does not have"),
                Arguments.of("a credential record that does not say whether its issuer was authenticated", CASE
                                .replace("learner: { id: learner-1 }", "learner: { id: learner-1, records: [{ offeringId: c1, status: COMPLETED }] }")
                                .replace("  offerings:", "  credentialRecords: [{ offeringId: c1, issuer: \"https://registrar.example.edu\" }]\n"
                                        + "  offerings:"),
                        "tests/case.yaml:1: \"One case\": credentialRecords[0] (c1) does not say issuerAuthenticated: true or false"),
                Arguments.of("a credential record with a misspelt field", CASE.replace("  offerings:",
                                "  credentialRecords: [{ offeringId: c1, issuerAuthenticate: true }]\n  offerings:"),
                        "tests/case.yaml:4: unknown field 'issuerAuthenticate'; known: issuer, issuerAuthenticated, offeringId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioMistakes")
    void a_scenario_mistake_is_named_at_its_line(String mistake, String scenario, String expected) throws IOException {
        Files.writeString(RulesCopy.into(folder).resolve("tests/case.yaml"), scenario);
        RulesFolder rules = RulesFolder.read(folder);
        ScenarioRunner.Report report = ScenarioRunner.run(new RulebaseCompiler().compile(rules), new RulebaseRunner(100),
                rules.scenarioFiles().stream().filter(file -> file.name().equals("tests/case.yaml")).toList());
        assertEquals(List.of(expected), report.failures().stream().map(Object::toString).toList());
    }

    private static List<String> errorsOf(Path rules) {
        return assertThrows(RulebaseException.class, () -> new RulebaseCompiler().compile(RulesFolder.read(rules))).errors();
    }
}
