package dev.syncline.api.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code syncline.processor.lag{group}}: how many positions of the event store each processing group's slowest
 * segment on this instance is behind the head, read at each scrape. A scrape reads every group's gauge one after
 * the other; they share one reading of all processors (one query of the head), taken at most once a second.
 */
@Component
public class ProcessorLagMetrics implements MeterBinder {

    private static final long READING_NANOS = Duration.ofSeconds(1).toNanos();

    private final ProcessorStatuses statuses;
    private volatile Reading last;

    public ProcessorLagMetrics(ProcessorStatuses statuses) {
        this.statuses = statuses;
    }

    private record Reading(long takenAtNanos, Map<String, Long> lags) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : statuses.groups()) {
            Gauge.builder("syncline.processor.lag", () -> lags().getOrDefault(group, 0L))
                    .description("Event store positions the processing group is behind the head on this instance")
                    .tag("group", group)
                    .register(registry);
        }
    }

    private Map<String, Long> lags() {
        Reading reading = last;
        long now = System.nanoTime();
        if (reading == null || now - reading.takenAtNanos() > READING_NANOS) {
            reading = new Reading(now, statuses.runtime().stream()
                    .collect(Collectors.toUnmodifiableMap(ProcessorStatus::name, ProcessorStatus::lag)));
            last = reading;
        }
        return reading.lags();
    }
}
