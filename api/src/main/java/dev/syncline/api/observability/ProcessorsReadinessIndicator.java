package dev.syncline.api.observability;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code processors}, part of the readiness group: OUT_OF_SERVICE until every event processor has started, so
 * that no traffic reaches an instance whose projections and sagas do not run yet. Once they have, it stays UP:
 * a processor that fails later shows in {@code eventProcessors}, and taking the instance out of service would
 * not make it run again.
 */
@Component("processors")
public class ProcessorsReadinessIndicator implements HealthIndicator {

    private final ProcessorStatuses statuses;
    private volatile boolean started;

    public ProcessorsReadinessIndicator(ProcessorStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Health health() {
        if (!started) {
            List<String> waiting = statuses.notRunning();
            if (!waiting.isEmpty()) {
                return Health.status(Status.OUT_OF_SERVICE).withDetail("notStarted", waiting).build();
            }
            started = true;
        }
        return Health.up().build();
    }
}
