package org.advising.eligibility.engine.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files of a rules folder: every {@code *.drl} and decision table ({@code *.drl.csv},
 * {@code *.drl.xlsx}) below it, its {@code policy-values.yaml}, its {@code institutions.yaml} and its
 * {@code trusted-issuers.yaml} (both optional), which decide answers, and the scenario files that test them. The version is a SHA-256
 * over the deciding files' relative paths and contents, so the same rules always give the same
 * version; {@code contentHash} covers the scenarios too, so the watcher also notices a fixed scenario.
 */
public record RulesFolder(Path root, List<RuleFile> ruleFiles, List<TableFile> tables, RuleFile policyValues, RuleFile institutions,
        RuleFile trustedIssuers, List<RuleFile> scenarioFiles, String version, String contentHash) {

    public static final String POLICY_VALUES = "policy-values.yaml";
    /** Scenario files (test cases for the rules); they do not decide answers, so they are not in the version. */
    public static final String SCENARIOS = "tests";

    /** One file, named by its path relative to the rules folder, with '/' separators. */
    public record RuleFile(String name, String content) {
    }

    /** A decision table, read as bytes (an .xlsx file is a zip). */
    public record TableFile(String name, byte[] content) {
    }

    /** Spreadsheet files that are not read as decision tables unless their name ends in .drl.csv or .drl.xlsx. */
    private static final List<String> SPREADSHEETS = List.of(".csv", ".xlsx", ".xls", ".ods");

    /** Whether a file of the folder is a decision table: its name ends in .drl.csv or .drl.xlsx. */
    public static boolean isTable(String fileName) {
        return fileName.endsWith(".drl.csv") || fileName.endsWith(".drl.xlsx");
    }

    /** The rules folder with its scenarios in its {@code tests} sub-folder. */
    public static RulesFolder read(Path root) {
        return read(root, root.resolve(SCENARIOS));
    }

    /** The rules folder with its scenarios in another folder (a second ConfigMap, say). */
    public static RulesFolder read(Path root, Path scenarioFolder) {
        if (!Files.isDirectory(root)) {
            throw new RulebaseException("The rules folder " + shown(root) + " does not exist or is not a folder.");
        }
        // A folder given as a symbolic link is followed once, here, so that a link switched to another
        // version while this reads (an atomic deployment) cannot mix the files of two versions.
        Path folder = realPath(root);
        if (scenarioFolder.startsWith(root)) {
            scenarioFolder = folder.resolve(root.relativize(scenarioFolder).toString());
        }
        checkSizes(folder, scenarioFolder);
        List<RuleFile> drl = files(folder, ".drl");
        List<Path> spreadsheets = paths(folder, path -> SPREADSHEETS.stream().anyMatch(path.toString()::endsWith)
                && !path.getFileName().toString().startsWith("~$")); // Excel's lock file beside an open workbook
        List<String> misnamed = spreadsheets.stream().map(path -> name(folder, path)).filter(name -> !isTable(name))
                .map(name -> name + ": is not read: a decision table's name ends in .drl.csv or .drl.xlsx (rename it, or move it out of the rules folder)")
                .toList();
        if (!misnamed.isEmpty()) {
            throw new RulebaseException(misnamed);
        }
        List<TableFile> tables = spreadsheets.stream().map(path -> new TableFile(name(folder, path), readBytes(path))).toList();
        if (drl.isEmpty() && tables.isEmpty()) {
            throw new RulebaseException("The rules folder " + shown(root) + " holds no rule file (.drl, .drl.csv or .drl.xlsx).");
        }
        Path values = folder.resolve(POLICY_VALUES);
        if (!Files.isRegularFile(values)) {
            throw new RulebaseException("The rules folder " + shown(root) + " has no " + POLICY_VALUES + ".");
        }
        RuleFile policyValues = new RuleFile(POLICY_VALUES, readString(values));
        Path institutionsFile = folder.resolve(Institutions.FILE);
        RuleFile institutions = Files.isRegularFile(institutionsFile) ? new RuleFile(Institutions.FILE, readString(institutionsFile)) : null;
        Path trustedIssuersFile = folder.resolve(TrustedIssuers.FILE);
        RuleFile trustedIssuers = Files.isRegularFile(trustedIssuersFile)
                ? new RuleFile(TrustedIssuers.FILE, readString(trustedIssuersFile)) : null;
        String prefix = scenarioFolder.getFileName() == null ? SCENARIOS : scenarioFolder.getFileName().toString();
        List<RuleFile> scenarios = (Files.isDirectory(scenarioFolder) ? files(scenarioFolder, ".yaml") : List.<RuleFile>of()).stream()
                .map(file -> new RuleFile(prefix + "/" + file.name(), file.content())).toList();
        List<Hashed> decisive = Stream.of(drl.stream().map(RulesFolder::hashed),
                tables.stream().map(table -> new Hashed(table.name(), table.content())),
                Stream.of(policyValues, institutions, trustedIssuers).filter(Objects::nonNull).map(RulesFolder::hashed)).flatMap(s -> s).toList();
        return new RulesFolder(root, drl, tables, policyValues, institutions, trustedIssuers, scenarios, hash(decisive),
                hash(Stream.concat(decisive.stream(), scenarios.stream().map(RulesFolder::hashed)).toList()));
    }

    /**
     * How messages name the rules folder: by its own name, not its absolute path, since they also
     * reach clients in the rulebase status.
     */
    public static String shown(Path root) {
        Path name = root.toAbsolutePath().normalize().getFileName();
        return "'" + (name == null ? "/" : name) + "'";
    }

    /**
     * Refuses, before anything is read, a file over {@link PolicyBounds#MAX_FILE_BYTES} or a folder
     * over {@link PolicyBounds#MAX_FOLDER_BYTES}, naming each file and the limit.
     */
    private static void checkSizes(Path folder, Path scenarioFolder) {
        List<Path> all = new java.util.ArrayList<>(paths(folder, path -> true));
        if (!scenarioFolder.startsWith(folder) && Files.isDirectory(scenarioFolder)) {
            all.addAll(paths(scenarioFolder, path -> true));
        }
        List<String> problems = new java.util.ArrayList<>();
        long total = 0;
        for (Path path : all) {
            long size = size(path);
            total += size;
            if (size > PolicyBounds.MAX_FILE_BYTES) {
                problems.add(name(path.startsWith(folder) ? folder : scenarioFolder, path) + ": is " + size + " bytes; a file of the rules "
                        + "folder may hold at most " + PolicyBounds.MAX_FILE_BYTES + " bytes (split it)");
            }
        }
        if (problems.isEmpty() && total > PolicyBounds.MAX_FOLDER_BYTES) {
            problems.add("The rules folder " + shown(folder) + " holds " + total + " bytes; at most " + PolicyBounds.MAX_FOLDER_BYTES
                    + " bytes are read");
        }
        if (!problems.isEmpty()) {
            throw new RulebaseException(problems);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new RulebaseException("Cannot read " + path.getFileName() + ": " + e.getClass().getSimpleName());
        }
    }

    private static Path realPath(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new RulebaseException("Cannot read the rules folder " + shown(root) + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * Every file with this ending below the folder, skipping hidden entries: a Kubernetes ConfigMap
     * mount keeps a second copy of each file under a hidden "..timestamp" folder.
     */
    private static List<RuleFile> files(Path root, String ending) {
        return paths(root, path -> path.toString().endsWith(ending)).stream()
                .map(path -> new RuleFile(name(root, path), readString(path))).toList();
    }

    /** The regular files below the folder that pass the filter, in the order of their names. */
    private static List<Path> paths(Path root, Predicate<Path> filter) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> filter.test(path) && Files.isRegularFile(path))
                    .filter(path -> !isHidden(root.relativize(path)))
                    .sorted(Comparator.comparing(path -> name(root, path)))
                    .toList();
        } catch (IOException e) {
            throw new RulebaseException("Cannot read the rules folder " + shown(root) + ": " + e.getClass().getSimpleName());
        }
    }

    private static String name(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    /** A file as the version hash sees it: its name and its bytes. */
    private record Hashed(String name, byte[] content) {
    }

    private static Hashed hashed(RuleFile file) {
        return new Hashed(file.name(), file.content().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readBytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new RulebaseException("Cannot read " + path.getFileName() + ": " + e.getClass().getSimpleName());
        }
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulebaseException("Cannot read " + path.getFileName() + ": " + e.getClass().getSimpleName());
        }
    }

    private static String hash(List<Hashed> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Hashed file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content());
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
