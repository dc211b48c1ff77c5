package dev.syncline.command.vault.rotation;

/** Told after each committed batch of the rewrap job, e.g. to print a progress line. */
@FunctionalInterface
public interface RewrapListener {

    /** Listens to nothing. */
    RewrapListener NONE = (moved, failed, remaining) -> { };

    /**
     * @param moved     keys this run has moved so far
     * @param failed    keys this run could not open so far
     * @param remaining keys still off the active version, those that failed included
     */
    void afterBatch(long moved, long failed, long remaining);
}
