package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.Response;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calendar delta on the path the Graph SDK uses for {@code me().calendar().events().delta()}:
 * {@code GET /me/calendar/events/delta()?endDateTime=&startDateTime=} (also {@code /me/calendarView/delta}).
 * It covers the whole primary calendar, series as their masters; {@code startDateTime} and
 * {@code endDateTime} are accepted and not applied. Times come in the {@code Prefer: outlook.timezone}
 * zone, UTC by default; deleted items come as {@code @removed}, cancelled ones stay with
 * {@code isCancelled}.
 */
final class EventsDeltaEndpoint {

    Response handle(ApiCall call) {
        GraphPreferences preferences = call.preferences();
        Optional<ZoneId> requested = WindowsTimeZones.zoneNamed(preferences.timeZone());
        ZoneId zone = requested.orElse(ZoneOffset.UTC);
        String zoneName = requested.isPresent() ? preferences.timeZone() : "UTC";
        DeltaPage<StoredCalendarItem> page = call.mailbox().calendar()
                .delta(DeltaLinks.tokenOf(call), preferences.pageSize());
        List<Map<String, Object>> values = new ArrayList<>(page.entries().size());
        for (DeltaPage.Entry<StoredCalendarItem> entry : page.entries()) {
            values.add(entry.item() != null
                    ? EventJson.event(entry.item(), zone, zoneName, preferences.textBody())
                    : EventJson.removed(entry.removal().id()));
        }
        String applied = "odata.maxpagesize=" + preferences.pageSize() + ", outlook.timezone=\"" + zoneName + "\"";
        return DeltaLinks.page(call, "Collection(event)", values, page.next(), applied);
    }
}
