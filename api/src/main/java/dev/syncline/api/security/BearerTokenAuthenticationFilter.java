package dev.syncline.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code Authorization: Bearer} access token (RFC 6750). A request
 * without one goes on anonymous; a request whose token is rejected, or whose session has ended (logout,
 * revocation, expiry), ends here with 401 and {@code error="invalid_token"}, whatever path it asked for.
 * The token is never logged.
 */
public class BearerTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenAuthenticationFilter.class);
    private static final String BEARER = "bearer";

    private final JwtService jwtService;
    private final ActiveSessions activeSessions;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contextRepository = new RequestAttributeSecurityContextRepository();

    public BearerTokenAuthenticationFilter(JwtService jwtService, ActiveSessions activeSessions,
                                           AuthenticationEntryPoint entryPoint) {
        this.jwtService = jwtService;
        this.activeSessions = activeSessions;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        List<String> bearers = headers.stream().filter(BearerTokenAuthenticationFilter::isBearer).toList();
        if (bearers.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (bearers.size() > 1) {
                throw new InvalidAccessTokenException("more than one bearer token");
            }
            CurrentUser user = jwtService.verify(bearers.get(0).substring(BEARER.length()).trim());
            if (!activeSessions.isActive(user.sessionId())) {
                throw new InvalidAccessTokenException("session ended");
            }
            SecurityContext context = contextHolder.createEmptyContext();
            context.setAuthentication(new CurrentUserAuthentication(user));
            contextHolder.setContext(context);
            contextRepository.saveContext(context, request, response);
        } catch (InvalidAccessTokenException rejected) {
            contextHolder.clearContext();
            log.debug("Bearer token rejected on {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
            entryPoint.commence(request, response, rejected);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isBearer(String header) {
        return header.length() >= BEARER.length()
                && header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
                && (header.length() == BEARER.length() || header.charAt(BEARER.length()) == ' ');
    }
}
