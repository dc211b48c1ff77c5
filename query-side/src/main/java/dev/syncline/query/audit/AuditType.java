package dev.syncline.query.audit;

/** The kinds of step an account's audit timeline records; stored by name in {@code account_audit.type}. */
public enum AuditType {
    ACCOUNT_CONNECTED,
    TOKENS_ISSUED,
    ACCESS_TOKEN_REFRESHED,
    ACCESS_TOKEN_REFRESH_FAILED,
    REAUTHORIZATION_REQUIRED,
    ACCOUNT_RECONNECTED,
    GRANT_REVOKED,
    ACCOUNT_DISCONNECTED,
    SYNC_STARTED,
    SYNC_RESUMED,
    SYNC_PAGE_FETCHED,
    SYNC_THROTTLED,
    SYNC_PAGE_FAILED,
    SYNC_CURSOR_EXPIRED,
    SYNC_PAUSED,
    SYNC_COMPLETED,
    SYNC_FAILED
}
