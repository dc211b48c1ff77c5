package dev.syncline.api.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each HTTP request an id of its own, in the log's MDC as {@code requestId} and {@code traceId} while it is
 * served and in the {@code X-Request-Id} response header, so that a client can quote it. The commands and queries
 * the request sends carry it as their trace id ({@link RequestTraceOnMessages}). A client's own header is not
 * taken: an id in the logs that anybody can choose would let a caller forge or mix up traces.
 */
public final class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "requestId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = UUID.randomUUID().toString();
        MDC.put(REQUEST_ID, id);
        MDC.put(MessageIdsInLogs.TRACE_ID, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(MessageIdsInLogs.TRACE_ID);
        }
    }
}
