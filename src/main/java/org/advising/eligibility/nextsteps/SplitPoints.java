package org.advising.eligibility.nextsteps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Where the grade search splits a range of grades first: next to every number between 0.0 and 4.0
 * that the facts of a request hold (its learner, offerings and institutions, and the policy values in
 * effect). A rule can only tell two grades apart by comparing them with such a number, so an answer
 * that changes inside a range most likely changes there, and splitting there finds it in about two
 * tries instead of the five or six that halving takes. The points only choose which grades are tried
 * first: every answer is still the rules' answer to a tried grade, and a grade is only taken to
 * answer like its neighbours when the grades tried on both sides of it answer alike.
 */
final class SplitPoints {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final NavigableSet<Integer> points;

    private SplitPoints(NavigableSet<Integer> points) {
        this.points = points;
    }

    /** The split points of these facts, as positions on {@link NextStepsFinder#GRADES}. */
    static SplitPoints of(List<?> facts) {
        NavigableSet<Integer> points = new TreeSet<>();
        for (Object fact : facts) {
            collect(JSON.valueToTree(fact), points);
        }
        return new SplitPoints(points);
    }

    /** The point strictly between {@code low} and {@code high} nearest their middle; their middle when there is none. */
    int between(int low, int high) {
        int middle = (low + high) / 2;
        Integer below = points.floor(middle);
        Integer above = points.ceiling(middle);
        boolean belowInside = below != null && below > low;
        boolean aboveInside = above != null && above < high;
        if (belowInside && (!aboveInside || middle - below <= above - middle)) {
            return below;
        }
        return aboveInside ? above : middle;
    }

    private static void collect(JsonNode node, NavigableSet<Integer> points) {
        if (node.isNumber()) {
            double value = node.doubleValue();
            if (value >= 0 && value <= 4) {
                // a comparison with v tells apart the grades on either side of v: v - 0.1 | v (>=, <) or v | v + 0.1 (>, <=)
                int tenths = (int) Math.floor(value * 10 + 1e-9);
                for (int point = tenths - 1; point <= tenths + 1; point++) {
                    if (point >= 0 && point <= 40) {
                        points.add(point);
                    }
                }
            }
        }
        node.forEach(child -> collect(child, points));
    }
}
