package org.advising.eligibility.nextsteps;

import java.util.List;

/** A move worth making (NS-5), every answer of the request it changes (NS-6), and a reason an advisor can read aloud. */
public record NextStep(Move move, List<Change> changes, String reason) {
}
