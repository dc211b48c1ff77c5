package dev.syncline.providers.sync;

/** The mailbox cannot be read at all and retrying will not help (disabled, not enabled for REST, on-premise). */
public class MailboxUnavailableException extends ProviderSyncException {

    public MailboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
