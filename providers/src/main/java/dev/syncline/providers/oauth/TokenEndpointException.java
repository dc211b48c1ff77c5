package dev.syncline.providers.oauth;

import java.time.Duration;

/**
 * A provider's token, revocation or user-info endpoint refused or failed a call. {@code error} is the
 * OAuth {@code error} code when the provider sent one, otherwise {@code http_<status>}, {@code timeout} or
 * {@code unreachable}; {@code description} is the provider's {@code error_description} (never a token).
 */
public class TokenEndpointException extends RuntimeException {

    private final String error;
    private final String description;
    private final int httpStatus;
    private final OAuthErrorKind kind;
    private final Duration retryAfter;

    public TokenEndpointException(String error, String description, int httpStatus, Duration retryAfter) {
        super(error + (description == null ? "" : ": " + description) + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : ""));
        this.error = error;
        this.description = description;
        this.httpStatus = httpStatus;
        this.kind = OAuthErrorKind.classify(error, httpStatus);
        this.retryAfter = retryAfter;
    }

    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public OAuthErrorKind kind() {
        return kind;
    }

    public boolean isPermanent() {
        return kind == OAuthErrorKind.PERMANENT;
    }

    /** How long the provider asked us to wait ({@code Retry-After}), or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
