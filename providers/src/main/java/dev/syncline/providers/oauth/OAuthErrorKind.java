package dev.syncline.providers.oauth;

import java.util.Set;

/**
 * Whether a failed token-endpoint call is worth repeating. Decided on the OAuth {@code error} field and
 * the HTTP status, never on message text: providers change their texts (Entra ID's AADSTS messages do).
 */
public enum OAuthErrorKind {
    /** The grant or the client is refused for good: one attempt, then the user must re-authorize. */
    PERMANENT,
    /** The provider or the network failed for now: try again later with backoff. */
    TRANSIENT;

    private static final Set<String> PERMANENT_ERRORS = Set.of(
            "invalid_grant", "invalid_client", "unauthorized_client", "unsupported_grant_type",
            "invalid_scope", "admin_policy_enforced", "interaction_required", "consent_required",
            "login_required", "invalid_request");

    /** Classifies an OAuth error code, falling back on the HTTP status when there is no code. */
    public static OAuthErrorKind classify(String oauthError, int httpStatus) {
        if (oauthError != null && PERMANENT_ERRORS.contains(oauthError)) {
            return PERMANENT;
        }
        if (oauthError != null && !oauthError.startsWith("http_") && httpStatus >= 400 && httpStatus < 500
                && httpStatus != 408 && httpStatus != 429 && !"temporarily_unavailable".equals(oauthError)
                && !"server_error".equals(oauthError)) {
            // An OAuth error we do not know, answered as a client error: repeating the same request
            // will not change the answer.
            return PERMANENT;
        }
        return TRANSIENT;
    }
}
