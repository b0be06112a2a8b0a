package org.advising.eligibility.intake;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders field errors as a reader scans the body: {@code offerings[2]} before {@code offerings[10]}. */
final class FieldPaths {

    private static final Pattern PART = Pattern.compile("(\\d+)|(\\D+)");

    static final Comparator<FieldError> ORDER = (a, b) -> compare(a.field(), b.field());

    private FieldPaths() {
    }

    private static int compare(String a, String b) {
        Matcher left = PART.matcher(a);
        Matcher right = PART.matcher(b);
        while (left.find() && right.find()) {
            String l = left.group();
            String r = right.group();
            int order = left.group(1) != null && right.group(1) != null
                    ? Long.compare(Long.parseLong(l), Long.parseLong(r))
                    : l.compareTo(r);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
