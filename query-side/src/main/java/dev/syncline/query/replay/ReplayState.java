package dev.syncline.query.replay;

/** Where the replay of a processing group stands on this instance. */
public enum ReplayState {
    /** No replay was asked for since this instance started. */
    IDLE,
    /** Asked for: waiting until the processor runs and has caught up, so that its segments can be reset. */
    PREPARING,
    /** The tokens were reset and the processor reads the event store again from its start. */
    REPLAYING,
    /** Every segment has passed the position it stood at when it was reset. */
    DONE,
    /** Nothing was reset, or the processor could not be reset; {@code error} says why. */
    FAILED
}
