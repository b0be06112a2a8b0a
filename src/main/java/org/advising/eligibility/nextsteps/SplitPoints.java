package org.advising.eligibility.nextsteps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Where the grade search splits a range of grades whose two ends answer differently: at the numbers
 * between 0.0 and 4.0 that the facts of a request hold (its learner, offerings and institutions, and
 * the policy values in effect). A rule can only tell two grades apart by comparing them with such a
 * number, so an answer that changes inside a range most likely changes at one of them: next to a
 * number {@code v} the search tries {@code v} first, then {@code v - 0.1} below it (where a rule
 * asking for at least {@code v} tells them apart), and {@code v + 0.1} above it only when no other
 * number lies inside (a rule asking for more than {@code v}). That finds a threshold in about two
 * tries instead of the five or six that halving takes. The points only choose which grades are
 * tried first: every answer is still the rules' answer to a tried grade, and a grade is only taken
 * to answer like its neighbours when the grades tried on both sides of it answer alike.
 */
final class SplitPoints {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** The numbers the facts hold, as positions on {@link NextStepsFinder#GRADES} (a number between two grades: the one below). */
    private final NavigableSet<Integer> numbers;

    private SplitPoints(NavigableSet<Integer> numbers) {
        this.numbers = numbers;
    }

    /** The split points of these facts. */
    static SplitPoints of(List<?> facts) {
        NavigableSet<Integer> numbers = new TreeSet<>();
        for (Object fact : facts) {
            collect(JSON.valueToTree(fact), numbers);
        }
        return new SplitPoints(numbers);
    }

    /**
     * Where to split the range of grades {@code low..high} (positions on the grid, at least two
     * apart): just below {@code high} when the search split there at a number; else the number
     * strictly inside nearest the middle; else just above {@code low} when the search split there at
     * a number; else the middle.
     */
    int between(int low, int high, boolean lowIsSplit, boolean highIsSplit) {
        if (highIsSplit && numbers.contains(high)) {
            return high - 1;
        }
        int middle = (low + high) / 2;
        Integer below = numbers.floor(middle);
        Integer above = numbers.ceiling(middle);
        boolean belowInside = below != null && below > low;
        boolean aboveInside = above != null && above < high;
        if (belowInside && (!aboveInside || middle - below <= above - middle)) {
            return below;
        }
        if (aboveInside) {
            return above;
        }
        return lowIsSplit && numbers.contains(low) ? low + 1 : middle;
    }

    private static void collect(JsonNode node, NavigableSet<Integer> numbers) {
        if (node.isNumber()) {
            double value = node.doubleValue();
            if (value >= 0 && value <= 4) {
                numbers.add((int) Math.floor(value * 10 + 1e-9));
            }
        }
        node.forEach(child -> collect(child, numbers));
    }
}
