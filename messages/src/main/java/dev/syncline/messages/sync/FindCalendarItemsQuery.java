package dev.syncline.messages.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's calendar items that overlap the window [{@code from}, {@code to}), earliest start first, answered
 * by a list of {@link CalendarItemView}; a recurring series whose first start is before {@code to} is
 * included with its recurrence, whatever its first occurrence's end, so that the caller expands it.
 *
 * @param accountId only this account's items; null for all the owner's accounts
 */
public record FindCalendarItemsQuery(String workspaceId, String ownerId, String accountId, Instant from, Instant to) {

    public FindCalendarItemsQuery {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
    }
}
