package dev.syncline.api.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code syncline.processor.lag{group}}: how many positions of the event store each processing group's slowest
 * segment on this instance is behind the head, read at each scrape.
 */
@Component
public class ProcessorLagMetrics implements MeterBinder {

    private final ProcessorStatuses statuses;

    public ProcessorLagMetrics(ProcessorStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : statuses.groups()) {
            Gauge.builder("syncline.processor.lag", () -> statuses.runtime(group).map(ProcessorStatus::lag).orElse(0L))
                    .description("Event store positions the processing group is behind the head on this instance")
                    .tag("group", group)
                    .register(registry);
        }
    }
}
