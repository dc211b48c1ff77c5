package dev.syncline.api.problem;

import java.net.URI;
import java.util.Arrays;
import org.springframework.http.HttpStatus;

/**
 * The kinds of problem the API answers with (RFC 9457). Each has a stable {@code type} URI,
 * {@code https://syncline.dev/problems/<slug>}, that clients may switch on; the title and status
 * belong to the type, the detail to the occurrence.
 */
public enum ProblemType {

    VALIDATION_FAILED("validation-failed", "Validation failed", HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
    BAD_REQUEST("bad-request", "Bad request", HttpStatus.BAD_REQUEST),
    INVALID_CREDENTIALS("invalid-credentials", "Invalid credentials", HttpStatus.UNAUTHORIZED),
    UNAUTHORIZED("unauthorized", "Unauthorized", HttpStatus.UNAUTHORIZED),
    /** A refresh token that is malformed, unknown, already rotated, or of a session that was revoked or expired. */
    INVALID_REFRESH_TOKEN("invalid-refresh-token", "Invalid refresh token", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
    EMAIL_TAKEN("email-taken", "Email already registered", HttpStatus.CONFLICT),
    /** The resource exists but its current state does not allow the request (RFC 9110: 409). */
    INVALID_STATE("invalid-state", "Invalid state", HttpStatus.CONFLICT),
    CONTENT_TOO_LARGE("content-too-large", "Content too large", HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    /** A rate limit of ours refused the request; {@code Retry-After} says when to try again. */
    RATE_LIMITED("rate-limited", "Rate limited", HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    /** A connected account's grant is gone (revoked, expired, consent withdrawn): the user must connect it again. */
    REAUTHORIZATION_REQUIRED("reauthorization-required", "Reauthorization required", HttpStatus.CONFLICT),
    /** Google or Microsoft could not be reached or answered with a transient error; retrying later may help. */
    PROVIDER_UNAVAILABLE("provider-unavailable", "Provider unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    /**
     * An account's stored credentials are encrypted with a key-encryption key version the server's key ring no
     * longer holds (retired before its data keys were rewrapped); an operator must restore that version.
     */
    CREDENTIALS_UNREADABLE("credentials-unreadable", "Credentials unreadable", HttpStatus.SERVICE_UNAVAILABLE),
    /** An OAuth callback's {@code state} is missing, unknown, used, expired or someone else's. */
    OAUTH_STATE_INVALID("oauth-state-invalid", "Invalid OAuth state", HttpStatus.BAD_REQUEST),
    /** The provider or the person refused the authorization a connection asked for. */
    AUTHORIZATION_DENIED("authorization-denied", "Authorization denied", HttpStatus.BAD_REQUEST),
    /**
     * An OpenID Connect login did not complete; the {@code reason} extension says why in a stable word
     * ({@code invalid_state}, {@code invalid_id_token}, {@code invalid_nonce}, {@code access_denied}, …).
     */
    OIDC_LOGIN_FAILED("oidc-login-failed", "Login failed", HttpStatus.UNAUTHORIZED),
    /** A post-login redirect target is not on an allowed frontend origin. */
    REDIRECT_NOT_ALLOWED("redirect-not-allowed", "Redirect target not allowed", HttpStatus.BAD_REQUEST),
    /** The email of a login belongs to a user who signs in another way; accounts are never linked by email. */
    ACCOUNT_NOT_LINKED("account-not-linked", "Account not linked", HttpStatus.CONFLICT);

    /** Where every problem type URI starts. */
    public static final String BASE_URI = "https://syncline.dev/problems/";

    private final String slug;
    private final String title;
    private final HttpStatus status;
    private final URI uri;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.uri = URI.create(BASE_URI + slug);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The stable {@code type} member of the problem detail. */
    public URI uri() {
        return uri;
    }

    /**
     * The generic type for a bare HTTP status, used when Spring MVC or the servlet container reports an
     * error that no code of ours named: 400 is a malformed request, 401 unauthorized, 409 a conflict,
     * other 4xx the first type of that status or a bad request, 5xx an internal error.
     */
    public static ProblemType forStatus(int status) {
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return MALFORMED_REQUEST;
        }
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            return UNAUTHORIZED;
        }
        if (status == HttpStatus.CONFLICT.value()) {
            return CONFLICT;
        }
        return Arrays.stream(values())
                .filter(type -> type.status.value() == status)
                .findFirst()
                .orElse(status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR);
    }
}
