package dev.syncline.messages.sync;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a page of calendar items read from {@code fromPosition}; stale pages are ignored as for mail. */
public record RecordCalendarItemsPageCommand(
        @TargetAggregateIdentifier String channelSyncId,
        String syncId,
        String fromPosition,
        CalendarItemsPage page) {
}
