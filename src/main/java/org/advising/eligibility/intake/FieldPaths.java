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

    /** Two runs of digits as the numbers they write, however long (a member may be named by 20 digits). */
    private static int compareNumbers(String a, String b) {
        String left = a.replaceFirst("^0+(?=.)", "");
        String right = b.replaceFirst("^0+(?=.)", "");
        return left.length() != right.length() ? Integer.compare(left.length(), right.length()) : left.compareTo(right);
    }

    private static int compare(String a, String b) {
        Matcher left = PART.matcher(a);
        Matcher right = PART.matcher(b);
        while (left.find() && right.find()) {
            String l = left.group();
            String r = right.group();
            int order = left.group(1) != null && right.group(1) != null ? compareNumbers(l, r) : l.compareTo(r);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
