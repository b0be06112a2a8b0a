package org.advising.eligibility.nextsteps;

/** What a move does to one answer: better, worse, or neither (a change the policy does not rank). */
public enum Effect {
    BETTER,
    WORSE,
    OTHER
}
