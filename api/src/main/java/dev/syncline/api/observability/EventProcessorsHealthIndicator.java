package dev.syncline.api.observability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code eventProcessors} in {@code /actuator/health}: per processing group whether it runs, its error, the
 * segments it holds on this instance, its lag behind the head of the event store and whether it replays. DOWN
 * when a processor is in error or is not running: every configured processor should run on every instance
 * (a replay stops one only for the moment of its reset).
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator implements HealthIndicator {

    private final ProcessorStatuses statuses;

    public EventProcessorsHealthIndicator(ProcessorStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Health health() {
        List<ProcessorStatus> processors = statuses.runtime();
        Health.Builder health = processors.stream().allMatch(p -> p.running() && !p.error()) ? Health.up() : Health.down();
        for (ProcessorStatus processor : processors) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.running());
            details.put("error", processor.error());
            if (processor.errorMessage() != null) {
                details.put("errorMessage", processor.errorMessage());
            }
            details.put("mode", processor.mode());
            details.put("claimedSegments", processor.claimedSegments());
            details.put("lag", processor.lag());
            details.put("replaying", processor.replaying());
            health.withDetail(processor.name(), details);
        }
        return health.build();
    }
}
