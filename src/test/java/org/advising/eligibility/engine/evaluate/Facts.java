package org.advising.eligibility.engine.evaluate;

import java.math.BigDecimal;
import java.util.List;
import org.advising.eligibility.model.CreditLevel;
import org.advising.eligibility.model.CreditRecommendation;
import org.advising.eligibility.model.DegreePathway;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.LearnerRecord;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.OfferingType;
import org.advising.eligibility.model.Provider;
import org.advising.eligibility.model.ProviderKind;
import org.advising.eligibility.model.RecordStatus;

/** Test facts with names from the domain, so each policy test reads as its scenario. */
final class Facts {

    static final Provider HLC_UNIVERSITY = new Provider("Example State University", ProviderKind.UNIVERSITY, "HLC", "example.edu", "US");
    static final Provider EDU_UNIVERSITY = new Provider("Lakeside University", ProviderKind.UNIVERSITY, null, "lakeside.edu", "US");
    static final Provider UNRECOGNIZED_UNIVERSITY = new Provider("Harbour University", ProviderKind.UNIVERSITY, "OfS", "harbour.ac.uk", "GB");
    static final Provider COMPANY = new Provider("Example Cloud Co", ProviderKind.COMPANY, null, "examplecloud.com", "US");

    private Facts() {
    }

    static OfferingBuilder offering(OfferingType type, Provider provider) {
        return new OfferingBuilder(type, provider);
    }

    static Learner learner(LearnerRecord... records) {
        return new Learner("learner-1", null, List.of(records));
    }

    static Learner learnerWithBachelors(boolean holds, LearnerRecord... records) {
        return new Learner("learner-1", holds, List.of(records));
    }

    static LearnerRecord completed(Offering offering, Double gpa) {
        return new LearnerRecord(offering.id(), RecordStatus.COMPLETED, true, gpa, null);
    }

    static LearnerRecord enrolled(Offering offering) {
        return new LearnerRecord(offering.id(), RecordStatus.ENROLLED, true, null, null);
    }

    static LearnerRecord withdrawn(Offering offering) {
        return new LearnerRecord(offering.id(), RecordStatus.WITHDRAWN, true, null, null);
    }

    static LearnerRecord audited(Offering offering, RecordStatus status) {
        return new LearnerRecord(offering.id(), status, false, null, null);
    }

    static DegreePathway pathway(String degreeId, double minimumGpa, Boolean requiresBachelors) {
        return new DegreePathway(degreeId, "Master of Computer Science", minimumGpa, requiresBachelors);
    }

    static CreditRecommendation ace(int hours) {
        return new CreditRecommendation("ACE", BigDecimal.valueOf(hours));
    }

    static final class OfferingBuilder {
        private String id;
        private String title;
        private final OfferingType type;
        private final Provider provider;
        private Boolean creditEligible;
        private Boolean hasCapstone;
        private CreditRecommendation creditRecommendation;
        private DegreePathway degreePathway;
        private BigDecimal semesterHours;
        private CreditLevel creditLevel;
        private String alignedCertification;

        private OfferingBuilder(OfferingType type, Provider provider) {
            this.type = type;
            this.provider = provider;
            this.id = type.name().toLowerCase() + "-1";
        }

        OfferingBuilder id(String value) {
            id = value;
            return this;
        }

        OfferingBuilder title(String value) {
            title = value;
            return this;
        }

        OfferingBuilder creditEligible(Boolean value) {
            creditEligible = value;
            return this;
        }

        OfferingBuilder capstone() {
            hasCapstone = true;
            return this;
        }

        OfferingBuilder recommendation(CreditRecommendation value) {
            creditRecommendation = value;
            return this;
        }

        OfferingBuilder pathway(DegreePathway value) {
            degreePathway = value;
            return this;
        }

        OfferingBuilder credit(int hours, CreditLevel level) {
            semesterHours = BigDecimal.valueOf(hours);
            creditLevel = level;
            return this;
        }

        OfferingBuilder aligned(String certification) {
            alignedCertification = certification;
            return this;
        }

        Offering build() {
            return new Offering(id, title == null ? "Title of " + id : title, type, provider, creditEligible, hasCapstone, creditRecommendation,
                    degreePathway, alignedCertification, semesterHours, creditLevel);
        }
    }
}
