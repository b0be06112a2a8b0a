package org.advising.eligibility.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Request bodies for fuzzing, from one seeded {@link Random}: a contract example's request or a
 * generated one, then one to three mutations of its JSON tree (a field removed, added or given a
 * value of the wrong type, a huge or negative number, odd unicode, deep nesting, a long array)
 * and, now and then, of its text (a duplicate key, truncation, a stray byte, not JSON at all).
 */
final class RequestMutator {

    /** Writes trees deeper than Jackson's default limit of 1,000, so the service gets to refuse them itself. */
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder().maxNestingDepth(1_000_000).build())
            .build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TYPES = List.of("COURSE", "SPECIALIZATION", "MASTERTRACK", "DEGREE", "PROFESSIONAL_CERTIFICATE");
    private static final List<String> KINDS = List.of("UNIVERSITY", "COMPANY");
    private static final List<String> STATUSES = List.of("ENROLLED", "COMPLETED", "WITHDRAWN");
    private static final List<String> LEVELS = List.of("VOCATIONAL", "LOWER_DIVISION", "UPPER_DIVISION", "GRADUATE");
    /** The shipped institutions (rules/institutions.yaml), each in effect on every date. */
    private static final List<String> INSTITUTIONS = List.of("example-state", "lakeside-cc", "harbor-grad", "northbridge-college");
    private static final List<String> ODD_TEXT = List.of("", " ", "\u0000", "é", "\u202Eevil", "😀", "\uD800", "\\", "\"",
            "<script>alert(1)</script>", "' OR 1=1 --", "%s%n", "${jndi:ldap://x}", "a".repeat(10_000), "null", "-1", "１２３");

    private final Random random;
    private final List<JsonNode> examples;

    RequestMutator(Random random, List<JsonNode> examples) {
        this.random = random;
        this.examples = examples;
    }

    byte[] next() throws JsonProcessingException {
        JsonNode request = random.nextInt(4) == 0 ? generated() : examples.get(random.nextInt(examples.size())).deepCopy();
        int mutations = random.nextInt(4); // 0 sends a valid request now and then
        for (int i = 0; i < mutations; i++) {
            request = mutateTree(request);
        }
        byte[] body = JSON.writeValueAsBytes(request);
        return random.nextInt(6) == 0 ? mutateText(body) : body;
    }

    /** A request built from random values of the contract's fields: mostly valid, sometimes not. */
    /** A date from the first day of {@code fromYear} to some {@code years} later. */
    private String date(int fromYear, int years) {
        return LocalDate.of(fromYear, 1, 1).plusDays(random.nextInt(years * 365)).toString();
    }

    JsonNode generated() {
        ObjectNode request = NODES.objectNode();
        ObjectNode learner = request.putObject("learner").put("id", "learner-" + random.nextInt(1000));
        if (random.nextBoolean()) {
            learner.put("holdsBachelorsDegree", random.nextBoolean());
        }
        ArrayNode records = learner.putArray("records");
        ArrayNode offerings = request.putArray("offerings");
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            ObjectNode offering = offerings.addObject().put("id", "o" + i).put("type", pick(TYPES));
            ObjectNode provider = offering.putObject("provider").put("name", "Provider " + random.nextInt(5)).put("kind", pick(KINDS));
            if (random.nextBoolean()) {
                provider.put("accreditor", pick(List.of("HLC", "MSCHE", "NECHE", "NEASC-CIHE", "WASC", "XYZ")));
            }
            if (random.nextBoolean()) {
                provider.put("domain", pick(List.of("example.edu", "example.com", "uni.ac.uk")));
            }
            if (random.nextBoolean()) {
                offering.put("creditEligible", random.nextBoolean());
            }
            if (random.nextInt(3) == 0) {
                offering.putObject("degreePathway").put("degreeId", "d" + i).put("minimumGpa", random.nextInt(41) / 10.0)
                        .put("requiresBachelorsDegree", random.nextBoolean());
            }
            if (random.nextInt(3) == 0) {
                offering.put("semesterHours", 1 + random.nextInt(15));
            }
            if (random.nextInt(3) == 0) {
                offering.put("creditLevel", pick(LEVELS));
            }
            if (random.nextInt(3) == 0) {
                ObjectNode recommendation = offering.putObject("creditRecommendation").put("source", pick(List.of("ACE", "NCCRS", "OTHER")))
                        .put("semesterHours", random.nextInt(13));
                if (random.nextBoolean()) {
                    recommendation.put("level", pick(LEVELS));
                }
                if (random.nextInt(3) == 0) {
                    recommendation.put("validFrom", date(2015, 8));
                }
                if (random.nextInt(3) == 0) {
                    recommendation.put("validUntil", date(2023, 8));
                }
            }
            if (random.nextBoolean()) {
                ObjectNode record = records.addObject().put("offeringId", "o" + i).put("status", pick(STATUSES));
                if (random.nextBoolean()) {
                    record.put("certificatePurchased", random.nextBoolean());
                }
                if (random.nextBoolean()) {
                    record.put("gpa", random.nextInt(41) / 10.0);
                }
                if (random.nextBoolean()) {
                    record.put("completedOn", date(2008, 17));
                }
            }
        }
        if (random.nextBoolean()) {
            List<String> institutions = new ArrayList<>(INSTITUTIONS);
            Collections.shuffle(institutions, random);
            institutions.subList(0, 1 + random.nextInt(institutions.size())).forEach(request.putArray("receivingInstitutions")::add);
        }
        if (random.nextInt(3) == 0) {
            request.put("asOf", (2015 + random.nextInt(15)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
        }
        return request;
    }

    private JsonNode mutateTree(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return oddValue();
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() || random.nextInt(5) == 0 ? pick(List.of("extra", "id", "type", "gpa", "records", "offerings"))
                    : pick(names);
            switch (random.nextInt(3)) {
                case 0 -> object.remove(name);
                default -> object.set(name, oddValue());
            }
        } else if (target instanceof ArrayNode array) {
            switch (random.nextInt(3)) {
                case 0 -> array.removeAll();
                case 1 -> array.add(oddValue());
                default -> {
                    if (!array.isEmpty()) {
                        array.set(random.nextInt(array.size()), oddValue());
                    }
                }
            }
        }
        return random.nextInt(40) == 0 ? oddValue() : root;
    }

    private JsonNode oddValue() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(pick(List.of(-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE, 4L, 5L)));
            case 3 -> NODES.numberNode(pick(List.of(-0.5, 1e308, -1e308, 4.0000001, 3.99, 1e-300)));
            case 4 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(400))));
            case 5 -> NODES.textNode(pick(ODD_TEXT));
            case 6 -> NODES.textNode(pick(TYPES));
            case 7 -> NODES.textNode(randomUnicode());
            case 8 -> nested(1 + random.nextInt(random.nextBoolean() ? 50 : 400)); // deeper nesting is made as text
            case 9 -> {
                ArrayNode many = NODES.arrayNode();
                int size = random.nextInt(3) == 0 ? 600 : random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    many.addObject().put("id", "x" + i);
                }
                yield many;
            }
            case 10 -> NODES.objectNode().put("unexpected", true);
            default -> NODES.arrayNode().add(1).add("two").addNull();
        };
    }

    private JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    private String randomUnicode() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(0x10FFFF);
            if (Character.isValidCodePoint(codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private byte[] mutateText(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return switch (random.nextInt(7)) {
            case 6 -> { // a value nested far deeper than any request needs
                int depth = 1_000 + random.nextInt(20_000);
                yield text.replaceFirst("\"offerings\":", "\"offerings\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"x\":")
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 0 -> Arrays.copyOf(body, random.nextInt(body.length)); // truncated
            case 1 -> text.replaceFirst("\\{\"", "{\"learner\":{\"id\":\"dup\"},\"").getBytes(StandardCharsets.UTF_8); // duplicate key
            case 2 -> {
                byte[] flipped = body.clone();
                flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256); // a stray byte, maybe not UTF-8
                yield flipped;
            }
            case 3 -> ("[" + text + "]").getBytes(StandardCharsets.UTF_8);
            case 4 -> pick(List.of("", "null", "42", "\"text\"", "{", "}", "{}{}", "\uFEFF{}", "<xml/>")).getBytes(StandardCharsets.UTF_8);
            default -> (text + text).getBytes(StandardCharsets.UTF_8); // two documents
        };
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.elements().forEachRemaining(child -> collect(child, containers));
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
