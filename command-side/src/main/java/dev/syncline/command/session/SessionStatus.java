package dev.syncline.command.session;

/** Whether a session still lives, and if not, how it ended. */
enum SessionStatus {
    ACTIVE,
    REVOKED,
    EXPIRED
}
