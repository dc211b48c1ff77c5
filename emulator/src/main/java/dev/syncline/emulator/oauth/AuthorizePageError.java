package dev.syncline.emulator.oauth;

/**
 * A defect in an authorization request that is shown on an error page (400) instead of being
 * redirected, because the redirect target cannot be trusted (or no one can sign in).
 */
public enum AuthorizePageError {
    MISSING_CLIENT_ID,
    /** The detail is the client id sent. */
    UNKNOWN_CLIENT,
    /** The detail is the redirect URI sent (maybe empty). */
    INVALID_REDIRECT_URI,
    /** Microsoft only: the detail is the tenant in the path. */
    UNKNOWN_TENANT,
    /** No user is configured or added, so there is nobody to sign in. */
    NO_USER
}
