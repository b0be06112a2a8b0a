package org.advising.eligibility.model;

/**
 * What a rule concluded about one offering, with a reason an advisor can read aloud. The topic
 * follows from the outcome. The engine records which rule drew it; rules only say what and why.
 */
public record Conclusion(Offering offering, Outcome outcome, String reason) {

    public Topic topic() {
        return outcome.topic();
    }

    public static Conclusion advice(Offering offering, String reason) {
        return new Conclusion(offering, Advice.ADVICE, reason);
    }
}
