package org.advising.eligibility.credentials;

import java.util.Locale;
import java.util.Map;

/** LC-3's letter grades as grade points: A+ and A 4.0 down to F 0.0, letters without case, a hyphen for the minus sign. */
final class Grades {

    private static final Map<String, Double> POINTS = Map.ofEntries(
            Map.entry("A+", 4.0), Map.entry("A", 4.0), Map.entry("A-", 3.7),
            Map.entry("B+", 3.3), Map.entry("B", 3.0), Map.entry("B-", 2.7),
            Map.entry("C+", 2.3), Map.entry("C", 2.0), Map.entry("C-", 1.7),
            Map.entry("D+", 1.3), Map.entry("D", 1.0), Map.entry("D-", 0.7),
            Map.entry("F", 0.0));

    private Grades() {
    }

    /** The grade points of a letter grade, or null when it is not one. */
    static Double points(String letter) {
        return POINTS.get(letter.strip().replace('\u2212', '-').replace('\u2013', '-').toUpperCase(Locale.ROOT));
    }
}
