package dev.syncline.messages.account;

/** What became of the grant at the provider when an account was disconnected. */
public enum RevocationOutcome {
    /** The provider confirmed the revocation (or that the token was already invalid). */
    REVOKED,
    /** The provider offers no revocation endpoint for this kind of grant. */
    NOT_SUPPORTED,
    /** The provider could not be reached after retries; the local secrets are destroyed anyway. */
    FAILED
}
