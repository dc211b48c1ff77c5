package dev.syncline.api.observability;

import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code deadLetterQueue} in {@code /actuator/health}: letters and sequences held back per processing group.
 *
 * <p>Always UP, with a {@code warning} detail when a queue is not empty. A dead letter holds back one sequence (one
 * account's events) while every other sequence goes on, so the instance still serves; DOWN would make a load
 * balancer or an orchestrator take it out or restart it, which fixes nothing, since the letters stay in the shared
 * database until an operator retries them. It is an alert for people, not for the platform.
 */
@Component("deadLetterQueue")
public class DeadLetterQueueHealthIndicator implements HealthIndicator {

    private final ProcessorStatuses statuses;

    public DeadLetterQueueHealthIndicator(ProcessorStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Health health() {
        Map<String, ProcessorStatuses.DeadLetterCount> counts = statuses.deadLetters();
        Health.Builder health = Health.up();
        counts.forEach((group, count) -> health.withDetail(group,
                Map.of("letters", count.letters(), "sequences", count.sequences())));
        long letters = counts.values().stream().mapToLong(ProcessorStatuses.DeadLetterCount::letters).sum();
        if (letters > 0) {
            health.withDetail("warning", letters + " dead letters wait for a retry");
        }
        return health.build();
    }
}
