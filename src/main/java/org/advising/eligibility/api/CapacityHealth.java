package org.advising.eligibility.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.advising.eligibility.decisions.WorkerPool;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the pod can take another ordinary request: when the bodies in progress hold the
 * part of the body budget kept for bodies up to 64 KiB, every such request would get 503, so the pod
 * leaves the Service's endpoints until the body time limit has ended the stalled ones. Large bodies
 * holding their own part do not make it unready: the pod still serves the ordinary requests. The check reports what
 * is held and how many batches run.
 */
@Readiness
@ApplicationScoped
public class CapacityHealth implements HealthCheck {

    private final RequestBudget budget;
    private final WorkerPool workers;

    public CapacityHealth(RequestBudget budget, WorkerPool workers) {
        this.budget = budget;
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        long reserved = budget.reservedBytes();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("capacity")
                .status(budget.admitsOrdinaryRequests())
                .withData("bodyBytesHeld", reserved)
                .withData("bodyBudgetBytes", budget.budgetBytes())
                .withData("batchesInProgress", budget.batchesInProgress())
                .withData("maxBatches", budget.maxBatches())
                // Costly requests have workers of their own: while theirs are all taken the pod still serves ordinary ones.
                .withData("nextStepsInProgress", workers.nextStepsInProgress())
                .withData("transferOptionsInProgress", workers.transferOptionsInProgress());
        return response.build();
    }
}
