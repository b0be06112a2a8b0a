package org.advising.eligibility.model;

/** Answers to "will it transfer credit?" CONDITIONAL: someone else decides, the reason says who. */
public enum CreditTransfer implements Outcome {
    YES,
    NO,
    CONDITIONAL;

    @Override
    public Topic topic() {
        return Topic.CREDIT;
    }

    /** How good for the learner (NS-3): no, conditional, yes. A new value must say where it ranks. */
    public int rank() {
        return switch (this) {
            case NO -> 0;
            case CONDITIONAL -> 1;
            case YES -> 2;
        };
    }
}
