package dev.syncline.messages.session;

/** Why a session was revoked before it expired. */
public enum SessionEndReason {
    /** The user logged out of this session. */
    LOGOUT,
    /** The user logged out of every session. */
    LOGOUT_ALL,
    /** The user ended this session from the list of their sessions. */
    ENDED_BY_USER,
    /** The user changed their password, which ends every session. */
    PASSWORD_CHANGED,
    /** A refresh token of this session that had already been rotated was presented again: it was stolen or leaked. */
    REFRESH_TOKEN_REUSED
}
