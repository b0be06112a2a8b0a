package org.advising.eligibility.model;

/** The level of academic credit, as receiving institutions accept it. The label is how reasons name it. */
public enum CreditLevel {
    VOCATIONAL("vocational"),
    LOWER_DIVISION("lower-division"),
    UPPER_DIVISION("upper-division"),
    GRADUATE("graduate");

    private final String label;

    CreditLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
