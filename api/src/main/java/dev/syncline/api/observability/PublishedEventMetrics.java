package dev.syncline.api.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * {@code syncline.events.published{type}}: the events appended to the event store, by payload class name, counted
 * as they are published (a rolled-back unit of work counts its events too: they were attempted).
 */
public final class PublishedEventMetrics implements MessageDispatchInterceptor<EventMessage<?>> {

    private final MeterRegistry registry;

    public PublishedEventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            Counter.builder("syncline.events.published")
                    .description("Events published to the event store")
                    .tag("type", event.getPayloadType().getSimpleName())
                    .register(registry)
                    .increment();
            return event;
        };
    }
}
