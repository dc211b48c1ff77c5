package dev.syncline.messages.account;

/** Where a connected account stands in its life. */
public enum AccountStatus {
    /** Tokens are usable; syncs may run. */
    ACTIVE,
    /** The provider refused the grant for good; the user must connect the account again. */
    REAUTHORIZATION_REQUIRED,
    /** The user disconnected the account; its tokens and data key are destroyed. */
    DISCONNECTED
}
