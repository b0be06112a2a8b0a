package org.advising.eligibility.engine.prove;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.advising.eligibility.engine.compile.Rulebase;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.jboss.logging.Logger;

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
 *
 * <p>This class is the store (files, the last good entry, eviction); an entry's bytes are a proven
 * rulebase in {@link RulebaseFormat}, sealed in a {@link SignedEntry}, keyed on the
 * {@link BuildFingerprint}.
 */
public final class RulebaseCache {

    private static final Logger LOG = Logger.getLogger(RulebaseCache.class);
    private static final String LAST_GOOD = "last-good";
    private static final String ENDING = ".rulebase";
    /**
     * The entries a cache folder holds at most: keeping one deletes the oldest beyond these (by when
     * each was kept or last taken), so a folder that policy authors edit all day stays a few MB.
     */
    static final int ENTRIES_KEPT = 16;
    /** This build of the application, as Maven recorded it in eligibility-build.properties. */
    public static final String THIS_BUILD = BuildFingerprint.THIS_BUILD;

    /** Cache folders already said to be off: a start says so once (its head start and its service ask alike). */
    private static final Set<Path> REPORTED_OFF = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final String build;
    private final SignedEntry envelope;

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
        this.envelope = new SignedEntry(key);
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
            Proven proven = RulebaseFormat.read(envelope.open(key(contentHash, limits), Files.readAllBytes(entry)));
            markTaken(entry);
            return Optional.of(proven);
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
            byte[] bytes = envelope.seal(key(rules.contentHash(), limits), RulebaseFormat.write(rules, proven));
            createPrivately(folder);
            Path written = Files.createTempFile(folder, ".entry", ".tmp");
            Files.write(written, bytes);
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
        return folder.resolve(HexFormat.of().formatHex(SignedEntry.sha256(key(contentHash, limits).getBytes(StandardCharsets.UTF_8))) + ENDING);
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


}
