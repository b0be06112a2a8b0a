package org.advising.eligibility.engine.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading trusted-issuers.yaml, and finding a key the way LC-9 asks for it: by issuer, verificationMethod and date. */
class TrustedIssuersTest {

    private static final String ISSUER = "https://registrar.example.edu/issuers/1";
    private static final String KEY_2024 = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
    private static final String KEY_2026 = "z6MknNHHrBzPytzu6CUBP9Lg7fg4KSBjzimc2Frh693YbMiv";

    private static TrustedIssuers read(String content) {
        return TrustedIssuers.read(new RulesFolder.RuleFile(TrustedIssuers.FILE, content));
    }

    private static final TrustedIssuers FILE = read("""
            issuers:
              - issuer: https://registrar.example.edu/issuers/1
                name: Example State University Registrar
                keys:
                  - id: https://registrar.example.edu/issuers/1#key-1
                    publicKeyMultibase: z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi
                    from: 2024-01-01
                    until: 2025-12-31
                  - id: https://registrar.example.edu/issuers/1#key-2
                    publicKeyMultibase: z6MknNHHrBzPytzu6CUBP9Lg7fg4KSBjzimc2Frh693YbMiv
                    from: 2026-01-01
              - issuer: did:web:badges.example.org
                name: Example Badges
                keys:
                  - { id: "did:web:badges.example.org#key-1", publicKeyMultibase: z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi }
            """);

    @Test
    void a_dated_key_is_found_only_on_the_days_it_is_in_effect_both_ends_included() {
        String key1 = ISSUER + "#key-1";
        assertEquals(Optional.empty(), FILE.key(ISSUER, key1, LocalDate.of(2023, 12, 31)));
        assertEquals(KEY_2024, FILE.key(ISSUER, key1, LocalDate.of(2024, 1, 1)).orElseThrow().publicKeyMultibase());
        assertEquals(KEY_2024, FILE.key(ISSUER, key1, LocalDate.of(2025, 12, 31)).orElseThrow().publicKeyMultibase());
        assertEquals(Optional.empty(), FILE.key(ISSUER, key1, LocalDate.of(2026, 1, 1)));
        String key2 = ISSUER + "#key-2";
        assertEquals(Optional.empty(), FILE.key(ISSUER, key2, LocalDate.of(2025, 12, 31)));
        assertEquals(KEY_2026, FILE.key(ISSUER, key2, LocalDate.of(2026, 1, 1)).orElseThrow().publicKeyMultibase());
        assertEquals(KEY_2026, FILE.key(ISSUER, key2, LocalDate.of(2200, 12, 31)).orElseThrow().publicKeyMultibase());
    }

    @Test
    void a_dated_key_needs_a_date_and_an_undated_key_is_found_on_any_date_or_none() {
        assertEquals(Optional.empty(), FILE.key(ISSUER, ISSUER + "#key-1", null));
        assertEquals(Optional.empty(), FILE.key(ISSUER, ISSUER + "#key-2", null));
        String web = "did:web:badges.example.org";
        assertTrue(FILE.key(web, web + "#key-1", null).isPresent());
        assertTrue(FILE.key(web, web + "#key-1", LocalDate.of(1900, 1, 1)).isPresent());
    }

    @Test
    void a_key_is_found_only_under_the_entry_of_its_own_issuer_and_by_its_whole_id() {
        LocalDate on = LocalDate.of(2024, 6, 1);
        assertTrue(FILE.key(ISSUER, ISSUER + "#key-1", on).isPresent());
        // The same key listed under another issuer does not authenticate this one, nor an issuer id written another way.
        assertEquals(Optional.empty(), FILE.key("did:web:badges.example.org", ISSUER + "#key-1", on));
        assertEquals(Optional.empty(), FILE.key(ISSUER + "/", ISSUER + "#key-1", on));
        assertEquals(Optional.empty(), FILE.key(ISSUER, "#key-1", on));
        assertEquals(Optional.empty(), FILE.key(ISSUER, ISSUER + "#" + KEY_2024, on));
        assertEquals(Optional.empty(), FILE.key(null, ISSUER + "#key-1", on));
        assertEquals(Optional.empty(), FILE.key(ISSUER, null, on));
    }

    @Test
    void the_file_is_read_whole_each_key_decoded_in_file_order() {
        assertEquals(List.of(ISSUER, "did:web:badges.example.org"), FILE.issuers().stream().map(TrustedIssuers.TrustedIssuer::id).toList());
        TrustedIssuers.TrustedIssuer registrar = FILE.issuer(ISSUER).orElseThrow();
        assertEquals("Example State University Registrar", registrar.name());
        assertEquals(List.of(ISSUER + "#key-1", ISSUER + "#key-2"), registrar.keys().stream().map(TrustedIssuers.TrustedKey::id).toList());
        TrustedIssuers.TrustedKey key = registrar.keys().get(0);
        assertEquals(Ed25519Multikey.decode(KEY_2024), key.publicKey());
        assertEquals("EdDSA", key.publicKey().getAlgorithm());
        assertEquals(LocalDate.of(2024, 1, 1), key.from());
        assertEquals(LocalDate.of(2025, 12, 31), key.until());
        assertEquals(Optional.empty(), FILE.issuer("https://example.com/issuers/876543"));
    }

    @Test
    void no_file_a_file_of_comments_and_an_empty_list_trust_no_issuer() {
        assertSame(TrustedIssuers.NONE, TrustedIssuers.read(null));
        assertSame(TrustedIssuers.NONE, read("# nobody yet\n\n"));
        assertEquals(List.of(), read("issuers: []\n").issuers());
        assertEquals(List.of(), read("issuers:\n").issuers());
        assertEquals(List.of(), TrustedIssuers.NONE.issuers());
        assertEquals(Optional.empty(), TrustedIssuers.NONE.key(ISSUER, ISSUER + "#key-1", LocalDate.of(2026, 1, 1)));
    }

    @Test
    void the_shipped_file_reads_and_trusts_none_of_the_public_examples_issuers() {
        TrustedIssuers shipped = TrustedIssuers.read(RulesFolder.read(Path.of("rules")).trustedIssuers());
        for (String example : List.of("https://example.com/issuers/876543", "https://1edtech.edu/issuers/565049",
                "https://example.edu/issuers/565049")) {
            assertEquals(Optional.empty(), shipped.issuer(example), example);
        }
    }
}
