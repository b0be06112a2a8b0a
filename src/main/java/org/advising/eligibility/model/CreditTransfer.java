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
}
