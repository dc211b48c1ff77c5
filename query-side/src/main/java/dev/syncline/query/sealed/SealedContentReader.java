package dev.syncline.query.sealed;

import dev.syncline.messages.sync.CalendarItemsPageContent;
import dev.syncline.messages.sync.MessagesPageContent;
import java.util.Optional;

/**
 * Opens the sealed page content that {@link dev.syncline.messages.sync.MessagesFetchedEvent} and
 * {@link dev.syncline.messages.sync.CalendarItemsFetchedEvent} carry, with the account's data key. The
 * query side cannot reach the vault, which lives on the command side, so the application provides the
 * implementation.
 *
 * <p>Content whose key was destroyed answers empty, and the projections skip it: after a disconnect the
 * events stay in the store but can no longer be read. Anything else that keeps a blob from opening (it was
 * altered, or sealed for another account or purpose) is a fault and throws, so that the event goes to the
 * dead-letter queue instead of being lost silently.
 */
public interface SealedContentReader {

    /** Empty when the account's data key was destroyed (disconnected): replay skips such pages. */
    Optional<MessagesPageContent> openMessages(String workspaceId, String accountId, byte[] sealedContent);

    Optional<CalendarItemsPageContent> openCalendarItems(String workspaceId, String accountId, byte[] sealedContent);
}
