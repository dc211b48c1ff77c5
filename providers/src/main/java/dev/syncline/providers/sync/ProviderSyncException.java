package dev.syncline.providers.sync;

/**
 * Reading a mailbox failed. The message is in words and safe to record: never a token, a header value or
 * mail content.
 */
public abstract class ProviderSyncException extends RuntimeException {

    protected ProviderSyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
