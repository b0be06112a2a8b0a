package org.advising.eligibility.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * {@code generate --count N [--seed S]}: N realistic evaluation requests, one per line (NDJSON),
 * the same N for the same seed, to try {@code evaluate} and {@code impact} on. The mix, roughly as
 * advisors meet it: a learner asks about one to four offerings; courses and specializations of
 * universities (mostly accredited, some only .edu), MasterTracks with a pathway, degrees, and
 * professional certificates of companies, half of them with an ACE or NCCRS recommendation (some
 * with a level and a validity window); records of paying, auditing and withdrawn learners, grades
 * around a B, completions over the last twelve years; and, for a third of the learners, one to
 * three of the shipped receiving institutions. Everything is as of 2026-11-20, so the answers do
 * not depend on the day it runs.
 */
public final class GenerateCommand {

    private static final List<String> ACCREDITORS = List.of("HLC", "MSCHE", "SACSCOC", "WSCUC", "NECHE", "DEAC");
    private static final List<String> INSTITUTIONS = List.of("example-state", "lakeside-cc", "harbor-grad", "northbridge-college");
    private static final List<String> LEVELS = List.of("VOCATIONAL", "LOWER_DIVISION", "UPPER_DIVISION", "GRADUATE");
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    private final Random random;
    private final ObjectMapper json = new ObjectMapper();

    private GenerateCommand(long seed) {
        this.random = new Random(seed);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        long count = -1;
        long seed = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--count") && args[i + 1].matches("\\d{1,10}")) {
                count = Long.parseLong(args[i + 1]);
            } else if (args[i].equals("--seed") && args[i + 1].matches("-?\\d{1,18}")) {
                seed = Long.parseLong(args[i + 1]);
            } else {
                count = -1;
                break;
            }
        }
        if (count < 0 || args.length % 2 != 0) {
            err.println("usage: generate --count N [--seed S] > requests.jsonl");
            return 64;
        }
        GenerateCommand generator = new GenerateCommand(seed);
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            for (long n = 1; n <= count; n++) {
                writer.write(generator.json.writeValueAsString(generator.request(n)));
                writer.write('\n');
            }
        } catch (IOException e) {
            err.println("Cannot write the requests: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    private ObjectNode request(long n) {
        ObjectNode request = json.createObjectNode().put("asOf", AS_OF.toString());
        ObjectNode learner = request.putObject("learner").put("id", "learner-" + n);
        if (random.nextInt(3) > 0) {
            learner.put("holdsBachelorsDegree", random.nextInt(3) > 0);
        }
        ArrayNode records = learner.putArray("records");
        ArrayNode offerings = request.putArray("offerings");
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String id = "o" + (i + 1);
            offering(offerings.addObject().put("id", id));
            if (random.nextInt(10) < 7) {
                record(records.addObject().put("offeringId", id));
            }
        }
        if (random.nextInt(3) == 0) {
            List<String> institutions = new ArrayList<>(INSTITUTIONS);
            Collections.shuffle(institutions, random);
            institutions.subList(0, 1 + random.nextInt(3)).forEach(request.putArray("receivingInstitutions")::add);
        }
        return request;
    }

    private void offering(ObjectNode offering) {
        int kind = random.nextInt(10);
        String type = kind < 4 ? "COURSE" : kind < 6 ? "SPECIALIZATION" : kind < 7 ? "MASTERTRACK" : kind < 8 ? "DEGREE"
                : "PROFESSIONAL_CERTIFICATE";
        offering.put("title", type.charAt(0) + type.substring(1).toLowerCase().replace('_', ' ') + " " + random.nextInt(200)).put("type", type);
        ObjectNode provider = offering.putObject("provider");
        if (type.equals("PROFESSIONAL_CERTIFICATE") || random.nextInt(10) == 0) {
            provider.put("name", "Company " + random.nextInt(12)).put("kind", "COMPANY").put("domain", "company.com").put("country", "US");
        } else {
            provider.put("name", "University " + random.nextInt(40)).put("kind", "UNIVERSITY").put("country", "US");
            if (random.nextInt(10) < 8) {
                provider.put("accreditor", ACCREDITORS.get(random.nextInt(ACCREDITORS.size())));
            }
            provider.put("domain", random.nextInt(10) < 9 ? "university.edu" : "university.org");
        }
        if (type.equals("COURSE") || type.equals("SPECIALIZATION")) {
            int says = random.nextInt(3);
            if (says < 2) {
                offering.put("creditEligible", says == 0);
            }
            if (type.equals("SPECIALIZATION")) {
                offering.put("hasCapstone", random.nextBoolean());
            }
        }
        if (!type.equals("PROFESSIONAL_CERTIFICATE") && !type.equals("DEGREE") && random.nextBoolean()) {
            offering.put("semesterHours", 3 * (1 + random.nextInt(4)));
            offering.put("creditLevel", type.equals("MASTERTRACK") ? "GRADUATE" : LEVELS.get(1 + random.nextInt(2)));
        }
        if (type.equals("MASTERTRACK") || random.nextInt(10) == 0 && !type.equals("DEGREE")) {
            offering.putObject("degreePathway").put("degreeId", "degree-" + random.nextInt(10)).put("degreeTitle", "Master of Science")
                    .put("minimumGpa", 3.0).put("requiresBachelorsDegree", true);
        }
        if (type.equals("PROFESSIONAL_CERTIFICATE")) {
            if (random.nextBoolean()) {
                offering.put("alignedCertification", "CompTIA A+");
            }
            if (random.nextBoolean()) {
                ObjectNode recommendation = offering.putObject("creditRecommendation")
                        .put("source", random.nextInt(5) == 0 ? "NCCRS" : "ACE").put("semesterHours", 3 * (1 + random.nextInt(5)));
                if (random.nextInt(4) > 0) {
                    recommendation.put("level", random.nextInt(4) > 0 ? "LOWER_DIVISION" : "UPPER_DIVISION");
                }
                if (random.nextInt(4) == 0) {
                    LocalDate from = AS_OF.minusYears(2 + random.nextInt(6));
                    recommendation.put("validFrom", from.toString()).put("validUntil", from.plusYears(3).toString());
                }
            }
        }
    }

    private void record(ObjectNode record) {
        int status = random.nextInt(10);
        record.put("status", status < 5 ? "COMPLETED" : status < 9 ? "ENROLLED" : "WITHDRAWN");
        if (random.nextInt(5) == 0) {
            record.put("certificatePurchased", false);
        }
        if (status < 5) {
            if (random.nextInt(5) > 0) {
                double gpa = Math.max(0.0, Math.min(4.0, 3.0 + random.nextGaussian() * 0.6));
                record.put("gpa", Math.round(gpa * 10) / 10.0);
            }
            record.put("completedOn", AS_OF.minusDays(1 + random.nextInt(12 * 365)).toString());
        }
    }
}
