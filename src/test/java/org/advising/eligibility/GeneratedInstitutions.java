package org.advising.eligibility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.folder.RulesFolder;

/**
 * An institutions.yaml of any size for the benchmark and the scale tests, never shipped as policy:
 * the four shipped institutions first, then generated ones from one seeded {@link Random}, a mix like
 * a state system's: community colleges (vocational and lower-division credit, ACE recommendations,
 * small caps, recency limits), universities (lower- and upper-division, ACE or NCCRS, larger caps,
 * some refusing presumed accreditation), graduate schools (graduate credit, grade B, small caps),
 * and some ids whose policy changes on 1 January 2027 (two dated entries) or ended in 2025.
 */
public final class GeneratedInstitutions {

    private static final Path SHIPPED = Path.of("rules/institutions.yaml");

    private GeneratedInstitutions() {
    }

    /** The file's text: the shipped entries and generated ones up to {@code total} entries in effect on 2026-11-20. */
    public static String yaml(int total, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder yaml = new StringBuilder(Files.readString(SHIPPED));
        if (yaml.charAt(yaml.length() - 1) != '\n') {
            yaml.append('\n');
        }
        for (int n = 5; n <= total; n++) { // the shipped file holds four institutions in effect on a date
            int kind = random.nextInt(100);
            String id = "%s-%05d".formatted(kind < 45 ? "college" : kind < 85 ? "university" : "graduate-school", n);
            String name = (kind < 45 ? "Community College " : kind < 85 ? "State University " : "Graduate School ") + n;
            int dated = random.nextInt(100);
            if (dated < 5) { // a policy that changes on a date: the entry until the end of 2026, then the next one
                entry(yaml, random, id, name, kind, "    until: 2026-12-31\n");
                entry(yaml, random, id, name, kind, "    from: 2027-01-01\n");
            } else {
                entry(yaml, random, id, name, kind, "");
            }
            if (dated >= 98) { // and an institution that no longer takes transfers, out of effect on the benchmark's dates
                entry(yaml, random, id + "-closed", name + " (closed)", kind, "    until: 2025-06-30\n");
            }
        }
        return yaml.toString();
    }

    /**
     * A file where institutions share policies, as a state system's colleges do: the shipped entries, then
     * {@code policies} generated policies (as {@link #yaml} writes them, dated ones included), each published
     * by {@code each} institutions of their own ids and names.
     */
    public static String sharedPolicies(int policies, int each, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder yaml = new StringBuilder(Files.readString(SHIPPED));
        if (yaml.charAt(yaml.length() - 1) != '\n') {
            yaml.append('\n');
        }
        for (int n = 1; n <= policies; n++) {
            int kind = random.nextInt(100);
            StringBuilder policy = new StringBuilder();
            String dates = random.nextInt(100) < 5 ? "    until: 2026-12-31\n" : "";
            entry(policy, random, "ID", "NAME", kind, dates);
            if (!dates.isEmpty()) {
                entry(policy, random, "ID", "NAME", kind, "    from: 2027-01-01\n");
            }
            for (int copy = 1; copy <= each; copy++) {
                yaml.append(policy.toString().replace("id: ID", "id: shared-%04d-%02d".formatted(n, copy))
                        .replace("name: NAME", "name: Shared Policy College %d-%d".formatted(n, copy)));
            }
        }
        return yaml.toString();
    }

    /**
     * The rules of rules/ with a generated institutions.yaml of {@code total} institutions, compiled: written to a
     * temporary folder that is removed once read.
     */
    public static Rulebase rulebase(int total, long seed) throws IOException {
        Path folder = rulesFolder(Files.createTempDirectory("institutions-" + total), total, seed);
        try {
            return new RulebaseCompiler().compile(RulesFolder.read(folder));
        } finally {
            Folders.delete(folder);
        }
    }

    /** Writes the rules of rules/ into {@code folder} with a generated institutions.yaml of {@code total} institutions. */
    public static Path rulesFolder(Path folder, int total, long seed) throws IOException {
        RulesCopy.into(folder);
        Files.writeString(folder.resolve("institutions.yaml"), yaml(total, seed));
        return folder;
    }

    private static void entry(StringBuilder yaml, Random random, String id, String name, int kind, String dates) {
        yaml.append("  - id: ").append(id).append('\n').append("    name: ").append(name).append('\n');
        if (kind < 45) {
            yaml.append("    minimumGrade: 2.0\n    acceptedLevels: [VOCATIONAL, LOWER_DIVISION]\n");
            if (random.nextInt(10) < 7) {
                yaml.append("    creditRecommendations:\n      sources: [ACE]\n      maxSemesterHours: ").append(9 + 3 * random.nextInt(8))
                        .append('\n');
            }
            yaml.append("    maxTransferSemesterHours: ").append(30 + 3 * random.nextInt(11)).append('\n');
            if (random.nextBoolean()) {
                yaml.append("    creditValidForYears: ").append(5 + random.nextInt(6)).append('\n');
            }
        } else if (kind < 85) {
            yaml.append("    minimumGrade: ").append(List.of("1.7", "2.0", "2.0", "2.3").get(random.nextInt(4)))
                    .append("\n    acceptedLevels: [LOWER_DIVISION, UPPER_DIVISION]\n");
            if (random.nextInt(10) < 6) {
                yaml.append("    creditRecommendations:\n      sources: ").append(random.nextBoolean() ? "[ACE, NCCRS]" : "[ACE]")
                        .append("\n      maxSemesterHours: ").append(15 + 3 * random.nextInt(11)).append('\n');
            }
            yaml.append("    maxTransferSemesterHours: ").append(60 + 6 * random.nextInt(6)).append('\n');
            if (random.nextInt(100) < 15) {
                yaml.append("    acceptsPresumedAccreditation: false\n");
            }
        } else {
            yaml.append("    minimumGrade: 3.0\n    acceptedLevels: [GRADUATE]\n");
            yaml.append("    maxTransferSemesterHours: ").append(6 + 3 * random.nextInt(3)).append('\n');
            yaml.append("    creditValidForYears: ").append(5 + random.nextInt(3)).append('\n');
            if (random.nextInt(100) < 40) {
                yaml.append("    acceptsPresumedAccreditation: false\n");
            }
        }
        yaml.append(dates);
    }
}
