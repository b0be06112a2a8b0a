package org.advising.eligibility.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a rules folder that decide answers: every {@code *.drl} below it and its
 * {@code policy-values.yaml}. The version is a SHA-256 over their relative paths and contents,
 * so the same files always give the same version.
 */
public record RulesFolder(Path root, List<RuleFile> ruleFiles, RuleFile policyValues, List<RuleFile> scenarioFiles,
        String version) {

    public static final String POLICY_VALUES = "policy-values.yaml";
    /** Scenario files (test cases for the rules); they do not decide answers, so they are not in the version. */
    public static final String SCENARIOS = "tests";

    /** One file, named by its path relative to the rules folder, with '/' separators. */
    public record RuleFile(String name, String content) {
    }

    public static RulesFolder read(Path root) {
        if (!Files.isDirectory(root)) {
            throw new RulebaseException("The rules folder " + root.toAbsolutePath() + " does not exist or is not a folder.");
        }
        List<RuleFile> drl = files(root, ".drl");
        if (drl.isEmpty()) {
            throw new RulebaseException("The rules folder " + root.toAbsolutePath() + " holds no .drl file.");
        }
        Path values = root.resolve(POLICY_VALUES);
        if (!Files.isRegularFile(values)) {
            throw new RulebaseException("The rules folder " + root.toAbsolutePath() + " has no " + POLICY_VALUES + ".");
        }
        RuleFile policyValues = new RuleFile(POLICY_VALUES, readString(values));
        List<RuleFile> scenarios = Files.isDirectory(root.resolve(SCENARIOS)) ? files(root.resolve(SCENARIOS), ".yaml") : List.of();
        return new RulesFolder(root, drl, policyValues, scenarios.stream()
                .map(file -> new RuleFile(SCENARIOS + "/" + file.name(), file.content())).toList(), version(drl, policyValues));
    }

    /**
     * Every file with this ending below the folder, skipping hidden entries: a Kubernetes ConfigMap
     * mount keeps a second copy of each file under a hidden "..timestamp" folder.
     */
    private static List<RuleFile> files(Path root, String ending) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(ending) && Files.isRegularFile(path))
                    .filter(path -> !isHidden(root.relativize(path)))
                    .map(path -> new RuleFile(root.relativize(path).toString().replace('\\', '/'), readString(path)))
                    .sorted(Comparator.comparing(RuleFile::name))
                    .toList();
        } catch (IOException e) {
            throw new RulebaseException("Cannot read the rules folder " + root.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulebaseException("Cannot read " + path + ": " + e.getMessage());
        }
    }

    private static String version(List<RuleFile> drl, RuleFile policyValues) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : Stream.concat(drl.stream(), Stream.of(policyValues)).toList()) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
