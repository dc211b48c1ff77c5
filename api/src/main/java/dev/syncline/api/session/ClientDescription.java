package dev.syncline.api.session;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * What a client says about itself, as shown in the list of sessions and the audit: its user agent,
 * cut to {@value #MAX_LENGTH} characters and stripped of control characters, so that a hostile header
 * cannot forge lines in a log or bloat the audit.
 */
public record ClientDescription(String userAgent) {

    static final int MAX_LENGTH = 256;

    public ClientDescription {
        String clean = userAgent == null ? "" : userAgent.replaceAll("\\p{Cntrl}", " ").strip();
        userAgent = clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) : clean;
    }

    public static ClientDescription of(HttpServletRequest request) {
        return new ClientDescription(request.getHeader(HttpHeaders.USER_AGENT));
    }
}
