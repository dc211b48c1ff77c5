package dev.syncline.api.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * {@code syncline.messages.handled{kind, type, group, outcome}}: a timer of the commands, queries and events
 * handled, so that Prometheus's {@code rate()} gives them per second. Tags are bounded: the payload's simple class
 * name, the processing group (events only) and success or failure; never an id.
 *
 * <p>Written here because Axon's {@code axon-micrometer} is not published for 4.13.0.
 */
public final class HandledMessageMetrics implements MessageHandlerInterceptor<Message<?>> {

    private final MeterRegistry registry;
    private final String kind;
    private final String group;

    /**
     * @param kind  command, query or event
     * @param group the processing group of an event processor; "none" on the buses
     */
    public HandledMessageMetrics(MeterRegistry registry, String kind, String group) {
        this.registry = registry;
        this.kind = kind;
        this.group = group;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String type = unitOfWork.getMessage().getPayloadType().getSimpleName();
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failure";
        try {
            Object result = chain.proceed();
            outcome = "success";
            return result;
        } finally {
            sample.stop(Timer.builder("syncline.messages.handled")
                    .description("Commands, queries and events handled")
                    .tags("kind", kind, "type", type, "group", group, "outcome", outcome)
                    .register(registry));
        }
    }
}
