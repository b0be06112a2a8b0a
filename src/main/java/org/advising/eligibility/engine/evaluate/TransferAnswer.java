package org.advising.eligibility.engine.evaluate;

import java.math.BigDecimal;
import org.advising.eligibility.model.Transfer;

/** What one receiving institution does with an offering's credit: the outcome and the hours awarded or expected (0 otherwise). */
public record TransferAnswer(String institution, Transfer outcome, BigDecimal semesterHours) {
}
