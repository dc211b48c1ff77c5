package dev.syncline.query.session;

/** The kinds of step in a session's life, as {@code session_audit.type} and {@code SessionAuditEntryView.type} name them. */
enum SessionAuditType {
    SESSION_STARTED,
    SESSION_REFRESHED,
    REFRESH_TOKEN_REUSE_DETECTED,
    SESSION_REVOKED,
    SESSION_EXPIRED
}
