package dev.syncline.emulator.gcalendar;

import java.util.List;

/** One page of {@code events.list}: its items and either the next page token or, on the last page, the sync token. */
record ListingPage(List<StoredEvent> items, String nextPageToken, String nextSyncToken, long sequence) {

    ListingPage {
        items = List.copyOf(items);
    }
}
