package dev.syncline.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers Spring Security's 401 and 403 with the same problem details as the rest of the API, by
 * handing the exception to Spring MVC's exception resolvers (and so to
 * {@link dev.syncline.api.problem.ProblemDetailsAdvice}), which also set {@code WWW-Authenticate}.
 */
public class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HandlerExceptionResolver resolver;

    public ProblemSecurityHandler(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (resolver.resolveException(request, response, null, exception) == null) {
            String challenge = exception instanceof InvalidAccessTokenException ? "Bearer error=\"invalid_token\"" : "Bearer";
            fallback(response, HttpServletResponse.SC_UNAUTHORIZED, challenge, "unauthorized", "Unauthorized");
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        if (resolver.resolveException(request, response, null, exception) == null) {
            fallback(response, HttpServletResponse.SC_FORBIDDEN, null, "forbidden", "Forbidden");
        }
    }

    private static void fallback(HttpServletResponse response, int status, String challenge, String slug, String title)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        if (challenge != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"https://syncline.dev/problems/" + slug + "\",\"title\":\"" + title
                + "\",\"status\":" + status + "}");
    }
}
