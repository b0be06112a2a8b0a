package org.advising.eligibility;

import java.util.Map;

/**
 * The service keeps proven rulebases in the user's cache folder by default. A test's service keeps
 * none unless the test names a cache folder (or a cache home) itself, so that no test's start
 * depends on what another test, or the developer's own runs, left there.
 */
final class RulebaseCacheHome {

    private RulebaseCacheHome() {
    }

    /** Sets no cache folder in {@code process} (the process's whole environment) unless the test's {@code given} names one. */
    static void keepNoneUnlessNamed(Map<String, String> given, Map<String, String> process) {
        if (!given.containsKey("ELIGIBILITY_RULES_CACHE_FOLDER") && !given.containsKey("XDG_CACHE_HOME")) {
            process.put("ELIGIBILITY_RULES_CACHE_FOLDER", ""); // empty: no cache
        }
    }
}
