package dev.syncline.messages.session;

/** What became of a presented refresh token. */
public enum SessionRefreshOutcome {
    /** It was the current token; its successor is now the only valid one. */
    REFRESHED,
    /** It was never a token of this session (or the session does not exist). Nothing changed. */
    UNKNOWN_TOKEN,
    /** It was an earlier, already rotated token of this session: the whole family is revoked now. */
    REUSE_DETECTED,
    /** The session had been revoked already. */
    REVOKED,
    /** The session's idle timeout or absolute lifetime had passed. */
    EXPIRED
}
