package dev.syncline.providers.sync;

import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.MessagesPage;

/**
 * Reads one page of a mailbox's mail through the provider's SDK, within the mailbox's quota and
 * concurrency limits. A null position starts a full sync; a page's {@code nextPosition} continues it; a
 * last page's {@code cursor} starts the next incremental sync.
 */
public interface MessageSource {

    Provider provider();

    /**
     * @throws ProviderThrottledException    the provider asked to wait
     * @throws CursorExpiredException        the position or cursor is no longer accepted: sync from scratch
     * @throws AccessTokenRejectedException  the provider answered 401 to the token
     * @throws TransientProviderException    5xx, timeouts, connection failures
     * @throws MailboxUnavailableException   the mailbox cannot be read at all (disabled, not enabled for the API)
     */
    MessagesPage fetch(MailboxAccess access, String position);
}
