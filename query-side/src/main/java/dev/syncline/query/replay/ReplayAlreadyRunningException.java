package dev.syncline.query.replay;

import java.util.Locale;

/** A replay of the processing group is already being prepared or running on this instance. */
public class ReplayAlreadyRunningException extends RuntimeException {

    private final transient ReplayProgress progress;

    public ReplayAlreadyRunningException(ReplayProgress progress) {
        super("A replay of " + progress.processingGroup() + " is already " + progress.state().name().toLowerCase(Locale.ROOT));
        this.progress = progress;
    }

    /** The replay that is running. */
    public ReplayProgress progress() {
        return progress;
    }
}
