package dev.syncline.api.observability;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Puts the trace and correlation ids of the message being handled (set by Axon's {@code MessageOriginProvider}:
 * {@code traceId} is the id of the first message of the chain, {@code correlationId} the id of the message that
 * caused this one) into the log's MDC while its handler runs, so that every line a command, event or query
 * causes, on any thread, can be found with one id. A message without them (the first of its chain) is its own
 * trace. Only ids go in: never payload or other metadata, which may carry secrets.
 */
public final class MessageIdsInLogs implements MessageHandlerInterceptor<Message<?>> {

    public static final String TRACE_ID = "traceId";
    public static final String CORRELATION_ID = "correlationId";

    private static final Logger log = LoggerFactory.getLogger(MessageIdsInLogs.class);

    private final String kind;

    /** @param kind what the interceptor sees, for its debug line: command, event or query */
    public MessageIdsInLogs(String kind) {
        this.kind = kind;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        Map<String, String> previous = new HashMap<>();
        put(TRACE_ID, id(message, TRACE_ID), previous);
        put(CORRELATION_ID, id(message, CORRELATION_ID), previous);
        try {
            log.debug("Handling {} {}", kind, message.getPayloadType().getSimpleName());
            return chain.proceed();
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, value);
                }
            });
        }
    }

    private static String id(Message<?> message, String key) {
        Object id = message.getMetaData().get(key);
        return id instanceof String text ? text : message.getIdentifier();
    }

    private static void put(String key, String value, Map<String, String> previous) {
        previous.put(key, MDC.get(key));
        MDC.put(key, value);
    }
}
