package dev.syncline.command.vault.rotation;

/** A rewrap job is already running on some node: only one may run at a time. */
public class RewrapAlreadyRunningException extends RuntimeException {

    private final transient RewrapProgress progress;

    public RewrapAlreadyRunningException(RewrapProgress progress) {
        super("A rewrap job is already running" + (progress.node() == null ? "" : " on " + progress.node()));
        this.progress = progress;
    }

    /** The progress of the running job, as seen when the second start was refused. */
    public RewrapProgress progress() {
        return progress;
    }
}
