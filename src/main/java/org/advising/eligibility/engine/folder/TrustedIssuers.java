package org.advising.eligibility.engine.folder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trusted issuers of a rules folder (trusted-issuers.yaml, kept by policy staff; LC-9): per
 * credential issuer id, its name and the keys its credentials are signed with, each a
 * verificationMethod id and its Ed25519 {@code publicKeyMultibase}, optionally in effect only from
 * {@code from} to {@code until} (inclusive). A proof whose key is found here, under the entry of the
 * credential's own issuer, authenticates that issuer; a key read off a {@code did:key} or a URL
 * fragment proves only that the credential is unchanged. A rules folder without the file trusts no
 * issuer.
 */
public final class TrustedIssuers {

    public static final String FILE = "trusted-issuers.yaml";
    public static final TrustedIssuers NONE = new TrustedIssuers(List.of());

    /** A key an issuer signs with: its verificationMethod id, the key, as written, and the days it is in effect (null: open). */
    public record TrustedKey(String id, PublicKey publicKey, String publicKeyMultibase, LocalDate from, LocalDate until) {

        /** Whether the key is in effect on the date; a dated key is in effect on no unknown date. */
        public boolean inEffectOn(LocalDate on) {
            if (from == null && until == null) {
                return true;
            }
            return on != null && (from == null || !on.isBefore(from)) && (until == null || !on.isAfter(until));
        }
    }

    /** An issuer as the file lists it: its id (exactly as credentials name it), its name and its keys, in file order. */
    public record TrustedIssuer(String id, String name, List<TrustedKey> keys) {
    }

    private final List<TrustedIssuer> issuers;
    private final Map<String, TrustedIssuer> byId;

    private TrustedIssuers(List<TrustedIssuer> issuers) {
        this.issuers = List.copyOf(issuers);
        Map<String, TrustedIssuer> index = new HashMap<>();
        this.issuers.forEach(issuer -> index.put(issuer.id(), issuer));
        this.byId = index;
    }

    /** The entry of this issuer id (compared exactly), if the file has one. */
    public Optional<TrustedIssuer> issuer(String issuerId) {
        return issuerId == null ? Optional.empty() : Optional.ofNullable(byId.get(issuerId));
    }

    /** The key the issuer's own entry lists under that verificationMethod id, in effect on that date (a dated key needs a date). */
    public Optional<TrustedKey> key(String issuerId, String verificationMethod, LocalDate on) {
        return issuer(issuerId).flatMap(issuer -> issuer.keys().stream()
                .filter(key -> key.id().equals(verificationMethod) && key.inEffectOn(on)).findFirst());
    }

    /** Every issuer, in file order. */
    public List<TrustedIssuer> issuers() {
        return issuers;
    }

    /** The file as policy staff write it. */
    record File(List<Entry> issuers) {
    }

    record Entry(String issuer, String name, List<Key> keys) {
    }

    record Key(String id, String publicKeyMultibase, LocalDate from, LocalDate until) {
    }

    /**
     * The file read strictly (null: the folder has none, so no issuer is trusted); every mistake is
     * reported at its line, all at once. A file of comments only, or with an empty list, trusts no issuer.
     */
    public static TrustedIssuers read(RulesFolder.RuleFile file) {
        if (file == null || file.content().lines().map(String::strip)
                .allMatch(line -> line.isEmpty() || line.startsWith("#") || line.equals("---"))) {
            return NONE;
        }
        File read;
        try {
            JsonNode tree = Yaml.MAPPER.readTree(file.content());
            if (tree != null && tree.isObject() && tree.size() == 1 && tree.has("issuers")
                    && (tree.get("issuers").isNull() || tree.get("issuers").asText().isEmpty() && !tree.get("issuers").isContainerNode())) {
                return NONE; // "issuers:" and nothing under it yet
            }
            read = Yaml.MAPPER.readValue(file.content(), File.class);
        } catch (JsonProcessingException e) {
            throw new RulebaseException(file.name() + ":" + Yaml.problem(e, file.content(), "trusted issuer key"));
        }
        if (read == null || read.issuers() == null) {
            return NONE;
        }
        List<Lines> lines = Lines.of(file.content());
        List<String> errors = new ArrayList<>();
        List<TrustedIssuer> issuers = new ArrayList<>();
        Map<String, Integer> lineOfIssuer = new LinkedHashMap<>();
        for (int i = 0; i < read.issuers().size(); i++) {
            Entry entry = read.issuers().get(i);
            Lines at = i < lines.size() ? lines.get(i) : Lines.UNKNOWN;
            String where = file.name() + ":" + at.line() + ": issuers[" + i + "]"
                    + (entry == null || entry.issuer() == null ? "" : " (" + entry.issuer() + ")");
            int before = errors.size();
            if (entry == null) {
                errors.add(where + " is empty");
                continue;
            }
            if (entry.issuer() == null || entry.issuer().isBlank()) {
                errors.add(where + " has no issuer; write the issuer id exactly as its credentials name it (issuer, or issuer.id)");
            } else if (!absoluteUri(entry.issuer())) {
                errors.add(where + " has the issuer \"" + entry.issuer() + "\", which is not an absolute URI; write the issuer id exactly "
                        + "as its credentials name it (https://…, did:…, urn:…)");
            } else if (lineOfIssuer.containsKey(entry.issuer())) {
                errors.add(where + " names the same issuer as the entry of line " + lineOfIssuer.get(entry.issuer())
                        + "; list each issuer once, with all its keys");
            } else {
                lineOfIssuer.put(entry.issuer(), at.line());
            }
            if (entry.name() == null || entry.name().isBlank()) {
                errors.add(where + " has no name");
            }
            if (entry.keys() == null || entry.keys().isEmpty()) {
                errors.add(where + " has no keys; list the keys its credentials' proofs name (id and publicKeyMultibase)");
            }
            List<TrustedKey> keys = new ArrayList<>();
            Map<String, Integer> lineOfKey = new HashMap<>();
            for (int k = 0; entry.keys() != null && k < entry.keys().size(); k++) {
                Key key = entry.keys().get(k);
                int keyLine = at.line(k);
                String what = "issuers[" + i + "]" + (entry.issuer() == null ? "" : " (" + entry.issuer() + ")") + " keys[" + k + "]"
                        + (key == null || key.id() == null ? "" : " (" + key.id() + ")");
                TrustedKey trusted = key(key, file.name(), keyLine, at.lineOfMultibase(k), what, errors);
                if (trusted != null && lineOfKey.containsKey(trusted.id())) {
                    errors.add(file.name() + ":" + keyLine + ": " + what + " has the same id as the key of line "
                            + lineOfKey.get(trusted.id()) + "; key ids are unique within an issuer");
                } else if (trusted != null) {
                    lineOfKey.put(trusted.id(), keyLine);
                    keys.add(trusted);
                }
            }
            if (errors.size() == before) {
                issuers.add(new TrustedIssuer(entry.issuer(), entry.name(), List.copyOf(keys)));
            }
        }
        if (!errors.isEmpty()) {
            throw new RulebaseException(errors);
        }
        return new TrustedIssuers(issuers);
    }

    /**
     * One key, or null with its problems added, each at the key's line ({@code line}) but a
     * publicKeyMultibase that does not decode, at the line it is written on ({@code multibaseLine}).
     */
    private static TrustedKey key(Key key, String file, int line, int multibaseLine, String what, List<String> errors) {
        String where = file + ":" + line + ": " + what;
        if (key == null) {
            errors.add(where + " is empty");
            return null;
        }
        int before = errors.size();
        if (key.id() == null || key.id().isBlank()) {
            errors.add(where + " has no id; write the verificationMethod its credentials' proofs name");
        } else if (!absoluteUri(key.id())) {
            errors.add(where + " has the id \"" + key.id() + "\", which is not an absolute URI; write the verificationMethod its "
                    + "credentials' proofs name, whole (https://…#key-1, did:…#…)");
        }
        PublicKey publicKey = null;
        if (key.publicKeyMultibase() == null || key.publicKeyMultibase().isBlank()) {
            errors.add(where + " has no publicKeyMultibase");
        } else {
            try {
                publicKey = Ed25519Multikey.decode(key.publicKeyMultibase());
            } catch (IllegalArgumentException e) {
                errors.add(file + ":" + multibaseLine + ": " + what + ": publicKeyMultibase " + e.getMessage());
            }
        }
        List<String> dates = new ArrayList<>();
        PolicyBounds.date("from", key.from(), dates);
        PolicyBounds.date("until", key.until(), dates);
        dates.forEach(problem -> errors.add(where + " " + problem));
        if (key.from() != null && key.until() != null && key.from().isAfter(key.until())) {
            errors.add(where + " has from " + key.from() + " after until " + key.until());
        }
        return errors.size() > before ? null : new TrustedKey(key.id(), publicKey, key.publicKeyMultibase(), key.from(), key.until());
    }

    /** An absolute URI (a scheme, then what the scheme names): what credentials name issuers and keys with. */
    private static boolean absoluteUri(String text) {
        if (text.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getRawSchemeSpecificPart() != null && !uri.getRawSchemeSpecificPart().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Where an issuer entry is written: the line of its "- " at the issuers list's own indentation,
     * the line of each of its keys (the "- " of the keys list under it) and of each key's
     * publicKeyMultibase. A list written inline ({@code keys: [{…}]}) has no line per key: its
     * problems are named at the entry's line.
     */
    private record Lines(int line, List<Integer> keys, List<Integer> multibases) {

        static final Lines UNKNOWN = new Lines(1, List.of(), List.of());

        int line(int key) {
            return key < keys.size() ? keys.get(key) : line;
        }

        int lineOfMultibase(int key) {
            return key < multibases.size() && multibases.get(key) > 0 ? multibases.get(key) : line(key);
        }

        static List<Lines> of(String content) {
            List<String> text = content.lines().toList();
            List<Lines> entries = new ArrayList<>();
            int entryIndent = -1;
            int keyIndent = -1;
            boolean inList = false;
            List<Integer> keys = null;
            List<Integer> multibases = null;
            for (int i = 0; i < text.size(); i++) {
                String line = text.get(i);
                String stripped = line.strip();
                if (!inList && line.startsWith("issuers:")) {
                    inList = true;
                    continue;
                }
                if (!inList || stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                int indent = line.indexOf(stripped);
                boolean item = stripped.startsWith("- ") || stripped.equals("-");
                if (indent == 0 && !item) {
                    break; // the next top-level key
                }
                if (item && (entryIndent < 0 || indent == entryIndent)) {
                    entryIndent = indent;
                    keyIndent = -1;
                    keys = new ArrayList<>();
                    multibases = new ArrayList<>();
                    entries.add(new Lines(i + 1, keys, multibases));
                } else if (keys != null && item && indent > entryIndent && (keyIndent < 0 || indent == keyIndent)) {
                    keyIndent = indent;
                    keys.add(i + 1);
                    multibases.add(stripped.substring(1).strip().startsWith("publicKeyMultibase:") ? i + 1 : 0);
                } else if (keys != null && !keys.isEmpty() && indent > keyIndent && stripped.startsWith("publicKeyMultibase:")) {
                    multibases.set(multibases.size() - 1, i + 1);
                }
            }
            return entries;
        }
    }
}
