package dev.syncline.messages.sync;

import java.util.List;

/** What a {@link CalendarItemsFetchedEvent} seals: the page's calendar items and removals. */
public record CalendarItemsPageContent(List<CalendarItem> upserted, List<RemovedItem> removed) {
}
