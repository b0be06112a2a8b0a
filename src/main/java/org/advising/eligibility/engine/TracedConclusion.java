package org.advising.eligibility.engine;

import java.util.List;
import org.advising.eligibility.model.Topic;

/**
 * A conclusion as the service reports it: what was concluded and why, which rule in which file
 * drew it under which policy statement, and {@code basedOn}, the policy ids of the earlier
 * conclusions and findings that rule relied on.
 */
public record TracedConclusion(Topic topic, String outcome, String policy, String rule, String file,
        String reason, List<String> basedOn) {
}
