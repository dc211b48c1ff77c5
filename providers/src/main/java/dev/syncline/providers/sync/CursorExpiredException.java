package dev.syncline.providers.sync;

/** The cursor or page position is no longer valid (Gmail 404 on history, Calendar 410, Graph 410/syncStateNotFound). */
public class CursorExpiredException extends ProviderSyncException {

    public CursorExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
