package org.advising.eligibility.nextsteps;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.LearnerRecord;
import org.advising.eligibility.model.RecordStatus;

/**
 * One change the learner could make: its kind, the grade for COMPLETE and RAISE_GRADE (one decimal,
 * absent otherwise) and, but for EARN_BACHELORS, the offering it is made on.
 */
public record Move(MoveKind kind, @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal gpa, @JsonIgnore String offeringId) {

    /** The learner as they would be after this move, made as of {@code asOf}; every other record as it is. */
    public Learner applyTo(Learner learner, LocalDate asOf) {
        if (kind == MoveKind.EARN_BACHELORS) {
            return new Learner(learner.id(), true, learner.records());
        }
        List<LearnerRecord> records = new ArrayList<>();
        LearnerRecord changed = null;
        for (LearnerRecord record : learner.records() == null ? List.<LearnerRecord>of() : learner.records()) {
            if (record.offeringId().equals(offeringId)) {
                changed = changed(record, asOf);
                records.add(changed);
            } else {
                records.add(record);
            }
        }
        if (changed == null) { // COMPLETE on an offering without a record
            records.add(changed(null, asOf));
        }
        return new Learner(learner.id(), learner.holdsBachelorsDegree(), records);
    }

    private LearnerRecord changed(LearnerRecord record, LocalDate asOf) {
        return switch (kind) {
            case BUY_CERTIFICATE -> new LearnerRecord(offeringId, record.status(), true, record.gpa(), record.completedOn());
            case COMPLETE -> new LearnerRecord(offeringId, RecordStatus.COMPLETED, true, gpa.doubleValue(), asOf);
            case RAISE_GRADE -> new LearnerRecord(offeringId, record.status(), record.certificatePurchased(), gpa.doubleValue(),
                    record.completedOn());
            case EARN_BACHELORS -> record;
        };
    }
}
