package org.advising.eligibility.model;

/** Who makes an offering. The hosting platform is never a provider. */
public enum ProviderKind {
    UNIVERSITY,
    COMPANY
}
