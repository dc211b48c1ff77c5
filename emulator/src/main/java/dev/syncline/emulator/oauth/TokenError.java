package dev.syncline.emulator.oauth;

/**
 * Why the token (or revocation) endpoint refuses a request, independent of provider. Each
 * {@link OAuthDialect} turns it into the status and body that provider really sends.
 */
public enum TokenError {
    MISSING_CLIENT_ID,
    UNKNOWN_CLIENT,
    MISSING_CLIENT_SECRET,
    WRONG_CLIENT_SECRET,
    /** The detail names the parameter. */
    MISSING_PARAMETER,
    /** The detail is the grant type asked for (maybe empty). */
    UNSUPPORTED_GRANT_TYPE,
    /** Microsoft only: the detail is the tenant in the path. */
    UNKNOWN_TENANT,
    INVALID_CODE,
    EXPIRED_CODE,
    REDIRECT_URI_MISMATCH,
    MISSING_CODE_VERIFIER,
    CODE_VERIFIER_MISMATCH,
    UNKNOWN_REFRESH_TOKEN,
    REVOKED_GRANT,
    /** A generic dead grant, as injected by a fault. */
    INVALID_GRANT,
    INTERACTION_REQUIRED,
    TEMPORARILY_UNAVAILABLE
}
