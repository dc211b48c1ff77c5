package dev.syncline.providers.sync;

import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.CalendarItemsPage;

/** Reads one page of an account's primary calendar; positions, cursors and failures as in {@link MessageSource}. */
public interface CalendarSource {

    Provider provider();

    CalendarItemsPage fetch(MailboxAccess access, String position);
}
