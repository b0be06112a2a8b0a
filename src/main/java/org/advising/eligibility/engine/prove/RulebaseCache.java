package org.advising.eligibility.engine.prove;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.advising.eligibility.engine.compile.ApplicationClasses;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.folder.Institutions;
import org.advising.eligibility.engine.folder.PolicyValues;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.jboss.logging.Logger;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

/**
 * Proven rulebases kept on disk, so that a restart on an unchanged rules folder neither compiles it
 * nor runs its scenarios again. An entry holds what the compile and the scenario gate produced (the
 * compiled rule packages, the catalogue, the coverage) and is found by a key over everything that
 * went into it: the folder's content with its scenarios, this build of the application, the
 * evaluation limits the scenarios ran under, and the JVM. A changed folder or application therefore
 * misses; an entry that cannot be read whole and intact is deleted and missed. A miss means the
 * full compile and gate, never unproven rules. The folder keeps the {@value #ENTRIES_KEPT} entries
 * kept or taken last and deletes older ones.
 *
 * <p>Each entry holds what it needs to serve on its own (the policy values, institutions and trusted issuers with the
 * compiled packages), and the last entry kept is named in {@code last-good}: a service restarted on a
 * folder that is now refused starts from it ({@link #lastGood}), as OPA activates its persisted
 * bundle. With {@code eligibility.rules.cache-key} set, entries are signed with HMAC-SHA256 under
 * that key and an entry without the right signature is not used; without one, a SHA-256 digest
 * finds damage only, and the folder must be writable by the service alone.
 */
public final class RulebaseCache {

    private static final Logger LOG = Logger.getLogger(RulebaseCache.class);
    private static final String MAGIC = "eligibility-rulebase-cache 4";
    private static final String LAST_GOOD = "last-good";
    private static final String ENDING = ".rulebase";
    private static final String HMAC = "HmacSHA256";
    /**
     * The entries a cache folder holds at most: keeping one deletes the oldest beyond these (by when
     * each was kept or last taken), so a folder that policy authors edit all day stays a few MB.
     */
    static final int ENTRIES_KEPT = 16;
    /** This build of the application, as Maven recorded it in eligibility-build.properties. */
    public static final String THIS_BUILD = thisBuild();

    /** Cache folders already said to be off: a start says so once (its head start and its service ask alike). */
    private static final Set<Path> REPORTED_OFF = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final String build;
    private final Optional<SecretKeySpec> signingKey;

    /** What an entry holds besides the compiled packages: the catalogue, the coverage, and the data files the rules read. */
    private record Contents(String version, Map<String, RuleInfo> rules, RuleCoverage coverage, String policyValues,
            String institutions, String trustedIssuers) implements Serializable {
    }

    /**
     * The cache in this folder (eligibility.rules.cache-folder), signed with this key when one is
     * given; empty when no folder is set, or when the folder cannot be created or written, which is
     * said in one INFO line: a start without a cache compiles and proves, it never fails for it.
     */
    public static Optional<RulebaseCache> in(Optional<Path> folder, Optional<String> key) {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            createPrivately(folder.get());
            Files.delete(Files.createTempFile(folder.get(), ".writable", ".tmp"));
            return Optional.of(new RulebaseCache(folder.get(), key));
        } catch (IOException | RuntimeException e) {
            if (REPORTED_OFF.add(folder.get().toAbsolutePath().normalize())) {
                LOG.infof("Rulebase cache off: %s cannot be written (%s), so every start compiles the rules and runs their "
                    + "scenarios; set eligibility.rules.cache-folder to a writable folder to keep proven rulebases",
                        folder.get().toAbsolutePath().normalize(), reason(e));
            }
            return Optional.empty();
        }
    }

    /** Why a folder cannot be written, in words. */
    private static String reason(Exception e) {
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a folder";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    public RulebaseCache(Path folder) {
        this(folder, THIS_BUILD, Optional.empty());
    }

    /** A cache whose entries are signed with this key (eligibility.rules.cache-key), when one is given. */
    public RulebaseCache(Path folder, Optional<String> key) {
        this(folder, THIS_BUILD, key);
    }

    /** A cache for another build of the application (tests). */
    RulebaseCache(Path folder, String build) {
        this(folder, build, Optional.empty());
    }

    RulebaseCache(Path folder, String build, Optional<String> key) {
        this.folder = folder;
        this.build = build;
        this.signingKey = key.filter(k -> !k.isEmpty()).map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), HMAC));
    }

    /** The entry for this folder as proven under these evaluation limits, or empty (a miss). */
    public Optional<Proven> load(RulesFolder rules, String limits) {
        return load(rules.contentHash(), limits);
    }

    /**
     * The rulebase kept last, when it was proven under these limits by this build on this JVM: what
     * a service whose rules folder is refused at start serves, or empty.
     */
    public Optional<Proven> lastGood(String limits) {
        Path pointer = folder.resolve(LAST_GOOD);
        try {
            return Files.isRegularFile(pointer) ? load(Files.readString(pointer, StandardCharsets.UTF_8).strip(), limits) : Optional.empty();
        } catch (IOException e) {
            LOG.warnf("The rulebase cache's %s cannot be read: %s", LAST_GOOD, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Proven> load(String contentHash, String limits) {
        Path entry = entry(contentHash, limits);
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try {
            byte[] payload = payload(Files.readAllBytes(entry), key(contentHash, limits));
            List<InternalKnowledgePackage> packages = new ArrayList<>();
            Contents contents;
            try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload), ApplicationClasses.LOADER)) {
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    packages.add((InternalKnowledgePackage) in.readObject());
                }
                contents = (Contents) in.readObject();
            }
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                    KieServices.Factory.get().newKieBaseConfiguration(null, ApplicationClasses.LOADER));
            kieBase.addPackages(packages);
            PolicyValues.Read policyValues = PolicyValues.read(new RulesFolder.RuleFile(RulesFolder.POLICY_VALUES, contents.policyValues()));
            Rulebase rulebase = new Rulebase(contents.version(), Instant.now(), kieBase,
                    kieBase.newKieSessionsPool(RulebaseCompiler.SESSIONS_KEPT_READY),
                    policyValues.facts(),
                    Institutions.read(contents.institutions() == null ? null : new RulesFolder.RuleFile(Institutions.FILE, contents.institutions())),
                    TrustedIssuers.read(contents.trustedIssuers() == null ? null
                            : new RulesFolder.RuleFile(TrustedIssuers.FILE, contents.trustedIssuers())),
                    contents.rules(), RulebaseCompiler.topicsIn(kieBase, policyValues.topics()));
            markTaken(entry);
            return Optional.of(new Proven(rulebase, contents.coverage()));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warnf("Rulebase cache entry %s cannot be used (%s); it is deleted and the rules folder is compiled and proven instead",
                    entry, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            delete(entry);
            return Optional.empty();
        }
    }

    /**
     * Keeps a rulebase that passed its scenarios; false when it could not (logged): a cache that cannot
     * be written costs the next start a compile, nothing more.
     */
    public boolean store(RulesFolder rules, String limits, Proven proven) {
        Path entry = entry(rules.contentHash(), limits);
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(payload)) {
                List<KiePackage> packages = new ArrayList<>(proven.rulebase().kieBase().getKiePackages());
                out.writeInt(packages.size());
                for (KiePackage kiePackage : packages) {
                    out.writeObject(kiePackage);
                }
                out.writeObject(new Contents(rules.version(), new LinkedHashMap<>(proven.rulebase().rules()), proven.coverage(),
                        rules.policyValues().content(), rules.institutions() == null ? null : rules.institutions().content(),
                        rules.trustedIssuers() == null ? null : rules.trustedIssuers().content()));
            }
            byte[] bytes = payload.toByteArray();
            createPrivately(folder);
            Path written = Files.createTempFile(folder, ".entry", ".tmp");
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(written))) {
                out.writeUTF(MAGIC);
                out.writeUTF(key(rules.contentHash(), limits));
                out.write(digest(bytes));
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            // Another replica or process may write the same entry: each writes its own file and moves it into place whole.
            Files.move(written, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Path pointer = Files.createTempFile(folder, ".last-good", ".tmp");
            Files.writeString(pointer, rules.contentHash(), StandardCharsets.UTF_8);
            Files.move(pointer, folder.resolve(LAST_GOOD), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.infof("Rulebase %s kept in the rulebase cache as %s (%d KiB)", rules.version(), entry, bytes.length / 1024);
            deleteAllButNewest(ENTRIES_KEPT);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Rulebase %s could not be kept in the rulebase cache %s (%s); the next start compiles it again",
                    rules.version(), folder, e.getMessage());
            return false;
        }
    }

    /** Everything an entry depends on, in words; written into the entry and checked when it is read. */
    private String key(String contentHash, String limits) {
        return String.join(" | ", "rules and scenarios " + contentHash, "build " + build, limits, "JVM " + Runtime.version());
    }

    /** The file of the entry for this folder, build and limits. */
    Path entry(RulesFolder rules, String limits) {
        return entry(rules.contentHash(), limits);
    }

    private Path entry(String contentHash, String limits) {
        return folder.resolve(HexFormat.of().formatHex(sha256(key(contentHash, limits).getBytes(StandardCharsets.UTF_8))) + ENDING);
    }

    /** The folder, readable and writable by this user only where the file system has POSIX permissions. */
    private static void createPrivately(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(folder);
        }
    }

    /** The signature of a payload: HMAC-SHA256 under the cache key when one is set, else its SHA-256. */
    private byte[] digest(byte[] payload) {
        if (signingKey.isEmpty()) {
            return sha256(payload);
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(signingKey.get());
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no " + HMAC, e);
        }
    }

    /** The payload of an entry, checked to be the entry of this key and against the signature written before it. */
    private byte[] payload(byte[] entry, String key) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry));
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a rulebase cache entry of this version");
        }
        String written = in.readUTF();
        if (!key.equals(written)) {
            throw new IOException("it is the entry of another rulebase: " + written);
        }
        byte[] digest = in.readNBytes(32);
        int length = in.readInt();
        byte[] payload = in.readNBytes(length);
        if (payload.length != length || in.read() != -1 || !MessageDigest.isEqual(digest, digest(payload))) {
            throw new IOException(signingKey.isPresent() ? "its signature does not match its content under the cache key"
                    : "its content does not match its digest");
        }
        return payload;
    }

    /** The oldest entries beyond {@code kept} deleted; one that cannot be is left for the next time. */
    private void deleteAllButNewest(int kept) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(folder)) {
            entries = files.filter(file -> file.getFileName().toString().endsWith(ENDING))
                    .sorted(Comparator.comparing(RulebaseCache::lastKeptOrTaken).reversed()).toList();
        }
        entries.stream().skip(kept).forEach(RulebaseCache::delete);
    }

    private static FileTime lastKeptOrTaken(Path entry) {
        try {
            return Files.getLastModifiedTime(entry);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** An entry taken counts as new, so the entries deleted first are those no start has taken for longest (a folder it may not write keeps its times). */
    private static void markTaken(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.debugf("Rulebase cache entry %s keeps its time (%s)", entry, e.getMessage());
        }
    }

    private static void delete(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            LOG.warnf("Rulebase cache entry %s could not be deleted: %s", entry, e.getMessage());
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    /**
     * This build of the application: its version, the Drools version, and a digest of the
     * application's own classes and resources (the jar or folder this class was loaded from). A
     * rebuild of unchanged sources is the same build, so the README's package-then-run command
     * finds what the previous start kept; a changed class is another build.
     */
    private static String thisBuild() {
        Properties build = new Properties();
        try (InputStream in = RulebaseCache.class.getResourceAsStream("/eligibility-build.properties")) {
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
            CodeSource source = RulebaseCache.class.getProtectionDomain().getCodeSource();
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
