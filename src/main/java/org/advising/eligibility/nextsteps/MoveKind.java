package org.advising.eligibility.nextsteps;

/** The changes a learner could make (NS-1 .. NS-4), in the order their steps are listed. */
public enum MoveKind {
    /** NS-1: buy the certificate of an offering audited so far. */
    BUY_CERTIFICATE,
    /** NS-2: complete an offering not yet completed (or withdrawn from), paying, today, with a grade. */
    COMPLETE,
    /** NS-3: raise the grade of a completed offering (a retake). */
    RAISE_GRADE,
    /** NS-4: earn a bachelor's degree. */
    EARN_BACHELORS
}
