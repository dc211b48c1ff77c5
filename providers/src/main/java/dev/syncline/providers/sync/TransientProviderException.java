package dev.syncline.providers.sync;

/** A failure worth retrying with backoff: 5xx, a timeout, a dropped connection. */
public class TransientProviderException extends ProviderSyncException {

    public TransientProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
