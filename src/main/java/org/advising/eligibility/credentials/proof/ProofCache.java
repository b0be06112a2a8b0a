package org.advising.eligibility.credentials.proof;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks of the credentials sent lately, by the SHA-256 of each credential's bytes and the
 * trusted issuers they were checked with (LC-11): the same credential sent again is not verified
 * again. At most {@code size} are kept, the least recently used dropped first.
 */
final class ProofCache {

    private record Key(String digest, Object trustedIssuers) {
    }

    private final Map<Key, ProofVerifier.Checked> checks;

    ProofCache(int size) {
        this.checks = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ProofVerifier.Checked> eldest) {
                return size() > size;
            }
        };
    }

    synchronized ProofVerifier.Checked get(String digest, Object trustedIssuers) {
        return checks.get(new Key(digest, trustedIssuers));
    }

    synchronized void put(String digest, Object trustedIssuers, ProofVerifier.Checked checked) {
        checks.put(new Key(digest, trustedIssuers), checked);
    }

    synchronized int size() {
        return checks.size();
    }
}
