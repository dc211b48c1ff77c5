package dev.syncline.api.observability;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;

/**
 * Makes the id of the HTTP request being served the trace id of a command or query it sends, so that the request's
 * log lines and those of everything it causes share one id. A message sent while another is handled already has
 * its trace id from Axon's {@code MessageOriginProvider} and keeps it.
 */
public final class RequestTraceOnMessages<T extends Message<?>> implements MessageDispatchInterceptor<T> {

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, T, T> handle(List<? extends T> messages) {
        return (index, message) -> {
            String requestId = MDC.get(RequestIds.REQUEST_ID);
            if (requestId == null || message.getMetaData().containsKey(MessageIdsInLogs.TRACE_ID)) {
                return message;
            }
            return (T) message.andMetaData(Map.of(MessageIdsInLogs.TRACE_ID, requestId));
        };
    }
}
