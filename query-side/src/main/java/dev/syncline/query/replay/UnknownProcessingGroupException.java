package dev.syncline.query.replay;

/** No processing group of that name can be replayed: there is none, or it is no projection that can be reset. */
public class UnknownProcessingGroupException extends RuntimeException {

    public UnknownProcessingGroupException(String processingGroup) {
        super("No processing group " + processingGroup + " can be replayed");
    }
}
