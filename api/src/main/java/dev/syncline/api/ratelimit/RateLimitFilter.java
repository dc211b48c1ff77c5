package dev.syncline.api.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Counts each request to a {@link RateLimitedEndpoints limited endpoint} against its client address and
 * answers 429 with {@code Retry-After} once the allowance is used up, before any authentication work.
 * The address is {@link HttpServletRequest#getRemoteAddr()}: behind a reverse proxy, Spring's
 * {@code server.forward-headers-strategy} makes it the client's.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimitedEndpoints endpoints;
    private final RateLimitBuckets buckets;
    private final HandlerExceptionResolver problems;

    /**
     * @param problems Spring MVC's exception resolvers, which write the 429 as the problem detail every other error is
     */
    public RateLimitFilter(RateLimitedEndpoints endpoints, RateLimitBuckets buckets, HandlerExceptionResolver problems) {
        this.endpoints = endpoints;
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimitedEndpoints.Endpoint> endpoint = endpoints.match(request);
        if (endpoint.isPresent()) {
            RateLimitedEndpoints.Endpoint limited = endpoint.get();
            ConsumptionProbe probe = buckets.bucket(limited.bucketKey(request.getRemoteAddr()), limited.bucketConfiguration())
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                log.info("Rate limit of {} reached by {}; {} ms to wait", limited.name(), request.getRemoteAddr(),
                        Duration.ofNanos(probe.getNanosToWaitForRefill()).toMillis());
                reject(request, response, new RateLimitExceededException("Too many requests to this endpoint from your address.",
                        Duration.ofNanos(probe.getNanosToWaitForRefill())));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, RateLimitExceededException limited)
            throws IOException {
        if (problems.resolveException(request, response, null, limited) != null || response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(limited.type().status().value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"" + limited.type().uri() + "\",\"title\":\"" + limited.type().title()
                + "\",\"status\":" + limited.type().status().value() + "}");
    }
}
