package org.advising.eligibility.engine.prove;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jboss.logging.Logger;

/**
 * This build of the application, one of the things a rulebase cache entry is keyed on: its version,
 * the Drools version, and a digest of the application's own classes and resources (the jar or folder
 * this class was loaded from). A rebuild of unchanged sources is the same build, so the README's
 * package-then-run command finds what the previous start kept; a changed class is another build.
 */
final class BuildFingerprint {

    private static final Logger LOG = Logger.getLogger(BuildFingerprint.class);

    /** This build, computed once per JVM. */
    static final String THIS_BUILD = read();

    private BuildFingerprint() {
    }

    private static String read() {
        Properties build = new Properties();
        try (InputStream in = BuildFingerprint.class.getResourceAsStream("/eligibility-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("eligibility-build.properties cannot be read", e);
        }
        return build.getProperty("build.version", "?") + " with Drools " + build.getProperty("drools.version", "?")
                + ", classes " + codeDigest();
    }

    /**
     * SHA-256 over the application's files in name order: of a jar, each entry's name, size and
     * CRC-32 as its central directory records them (read without inflating a file, so a start does
     * not pay for it); of a folder of classes (tests), each file's name and content. "unknown"
     * where they cannot be read.
     */
    private static String codeDigest() {
        try {
            CodeSource source = BuildFingerprint.class.getProtectionDomain().getCodeSource();
            Path code = Path.of(source.getLocation().toURI());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(code)) {
                try (Stream<Path> files = Files.walk(code)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(code.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(code.toFile())) {
                    List<? extends ZipEntry> entries = jar.stream().filter(e -> !e.isDirectory())
                            .sorted(Comparator.comparing(ZipEntry::getName)).toList();
                    for (ZipEntry entry : entries) {
                        digest.update((entry.getName() + " " + entry.getSize() + " " + entry.getCrc() + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            LOG.debugf("The application's classes cannot be read for the rulebase cache's key: %s", e);
            return "unknown";
        }
    }
}
