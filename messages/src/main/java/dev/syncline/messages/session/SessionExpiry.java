package dev.syncline.messages.session;

/** Which lifetime of a session ran out. */
public enum SessionExpiry {
    /** No refresh within the idle timeout. */
    IDLE,
    /** The absolute lifetime since login passed, however active the session was. */
    ABSOLUTE
}
