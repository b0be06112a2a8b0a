package org.advising.eligibility.engine.folder;

import java.time.LocalDate;
import java.util.List;
import org.advising.eligibility.model.PlausibleDate;
import org.advising.eligibility.model.TwoDecimals;

/**
 * The bounds a policy file keeps. Its numbers and dates, the same as a request's: grades and hours
 * with at most two decimals, hours up to 1,000, dates from 1900 to 2200 (past them, arithmetic on a
 * value such as 1e-1000000 or the year +999999999 costs seconds or overflows while a learner waits).
 * Its size: each file, the folder, a decision table's rows and cells and a workbook's unpacked parts,
 * each checked before the content is read whole, so that no file can run a pod out of memory.
 * (An institution's bounds are the constraints of {@code model/ReceivingInstitution}.)
 */
public final class PolicyBounds {

    public static final int DECIMALS = 2;
    /** A rule, table or data file larger than this is refused before it is read (a ConfigMap holds 1 MiB in all). */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    /** The rules folder's files together. */
    public static final long MAX_FOLDER_BYTES = 32L * 1024 * 1024;
    /** A decision table's rows and cells, counted as a stream before the table is read into memory. */
    public static final int MAX_TABLE_ROWS = 5_000;
    public static final int MAX_TABLE_CELLS = 100_000;
    /** What the parts of a workbook (.xlsx, a zip) may unpack to together. */
    public static final long MAX_WORKBOOK_UNPACKED_BYTES = 32L * 1024 * 1024;

    private PolicyBounds() {
    }

    /** Adds a problem when a grade or an hour count has more than two decimals. */
    static void decimals(String field, Number value, List<String> problems) {
        if (!TwoDecimals.Check.holds(value)) {
            problems.add("has " + field + " " + value + "; it may have at most " + DECIMALS + " decimals");
        }
    }

    /** Adds a problem when a date is before 1900 or after 2200. */
    static void date(String field, LocalDate value, List<String> problems) {
        if (!PlausibleDate.Check.holds(value)) {
            problems.add("has " + field + " " + value + "; a date must be from " + PlausibleDate.FIRST + " to " + PlausibleDate.LAST);
        }
    }
}
