package dev.syncline.api.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers a failure inside the login filters with the same RFC 9457 problem details as the rest of the API,
 * by handing the exception to Spring MVC's exception resolvers (and so to
 * {@link dev.syncline.api.problem.ProblemDetailsAdvice}), which never put a stack trace or a token in the answer.
 */
final class ProblemResponder {

    private final HandlerExceptionResolver resolver;

    ProblemResponder(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    void respond(HttpServletRequest request, HttpServletResponse response, Exception problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        if (resolver.resolveException(request, response, null, problem) == null) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }
}
