package dev.syncline.emulator.gcalendar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static dev.syncline.emulator.gcalendar.CalendarApiClient.json;
import static dev.syncline.emulator.gcalendar.CalendarApiClient.reason;
import static dev.syncline.emulator.gcalendar.RunningCalendarEmulator.ADA;
import static org.assertj.core.api.Assertions.assertThat;

class GoogleCalendarSyncTokenTest {

    @RegisterExtension
    final RunningCalendarEmulator emulator = new RunningCalendarEmulator();

    @Test
    void syncTokenListsOnlyTheItemsChangedSinceIt() {
        List<String> ids = listedIds(emulator.seedAda(40));
        String syncToken = emulator.api().listAll(Map.of()).nextSyncToken();
        String added = emulator.calendar().addItem(ADA, MailboxGenerator.calendarItem("new", "Planning",
                LocalDateTime.parse("2026-03-03T10:00"), Duration.ofMinutes(45), "Europe/Berlin"));
        emulator.calendar().updateItem(ADA, ids.get(0), "Moved", LocalDateTime.parse("2026-03-04T15:30"));
        emulator.calendar().deleteItem(ADA, ids.get(1));

        CalendarApiClient.Listing changes = emulator.api().listAll(Map.of("syncToken", syncToken));

        assertThat(changes.ids()).containsExactlyInAnyOrder(added, ids.get(0), ids.get(1));
        assertThat(item(changes, ids.get(0)).get("summary").asText()).isEqualTo("Moved");
        assertThat(item(changes, ids.get(1)).get("status").asText()).isEqualTo("cancelled");
        assertThat(item(changes, added).get("status").asText()).isEqualTo("confirmed");
    }

    @Test
    void deletionsAreListedEvenWithoutShowDeleted() {
        List<String> ids = listedIds(emulator.seedAda(10));
        String syncToken = emulator.api().listAll(Map.of()).nextSyncToken();
        emulator.calendar().deleteItem(ADA, ids.get(2));

        CalendarApiClient.Listing changes = emulator.api().listAll(Map.of("syncToken", syncToken, "showDeleted", "false"));

        assertThat(changes.ids()).containsExactly(ids.get(2));
        assertThat(changes.items().get(0).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void aSyncTokenWithoutChangesListsNothingAndHandsOnAWorkingToken() {
        emulator.seedAda(10);
        String first = emulator.api().listAll(Map.of()).nextSyncToken();

        CalendarApiClient.Listing nothing = emulator.api().listAll(Map.of("syncToken", first));
        CalendarApiClient.Listing stillNothing = emulator.api().listAll(Map.of("syncToken", nothing.nextSyncToken()));

        assertThat(nothing.items()).isEmpty();
        assertThat(stillNothing.items()).isEmpty();
    }

    @Test
    void manyChangesArePagedLikeAFullListing() {
        List<String> ids = listedIds(emulator.seedAda(30));
        String syncToken = emulator.api().listAll(Map.of()).nextSyncToken();
        ids.subList(0, 5).forEach(id -> emulator.calendar().updateItem(ADA, id, "Renamed", null));

        CalendarApiClient.Listing changes = emulator.api().listAll(Map.of("syncToken", syncToken, "maxResults", "2"));

        assertThat(changes.pages()).isEqualTo(3);
        assertThat(changes.ids()).containsExactlyInAnyOrderElementsOf(ids.subList(0, 5));
    }

    @Test
    void aChangeMadeWhileAListingPagesIsSeenByTheNextIncrementalSync() {
        emulator.seedAda(30);
        List<String> inIdOrder = emulator.calendar().snapshot(ADA).stream().map(item -> item.id()).toList();
        JsonNode firstPage = json(emulator.api().listEvents(Map.of("maxResults", "10")));
        String lastId = inIdOrder.get(inIdOrder.size() - 1);
        emulator.calendar().updateItem(ADA, lastId, "Changed meanwhile", null);

        CalendarApiClient.Listing rest = emulator.api().listAll(Map.of("maxResults", "10",
                "pageToken", firstPage.get("nextPageToken").asText()));
        CalendarApiClient.Listing changes = emulator.api().listAll(Map.of("syncToken", rest.nextSyncToken()));

        assertThat(changes.ids()).containsExactly(lastId);
    }

    @Test
    void expiredCursorsAnswer410FullSyncRequired() {
        emulator.seedAda(30);
        String syncToken = emulator.api().listAll(Map.of()).nextSyncToken();
        String pageToken = json(emulator.api().listEvents(Map.of("maxResults", "5"))).get("nextPageToken").asText();

        emulator.calendar().expireCursors(ADA);
        HttpResponse<String> incremental = emulator.api().listEvents(Map.of("syncToken", syncToken));
        HttpResponse<String> nextPage = emulator.api().listEvents(Map.of("maxResults", "5", "pageToken", pageToken));

        assertThat(incremental.statusCode()).isEqualTo(410);
        assertThat(reason(incremental)).isEqualTo("fullSyncRequired");
        assertThat(nextPage.statusCode()).isEqualTo(410);
        assertThat(reason(nextPage)).isEqualTo("fullSyncRequired");
    }

    @Test
    void aFullSyncAfterExpiryHandsOutTokensThatWork() {
        emulator.seedAda(10);
        emulator.calendar().expireCursors(ADA);

        String fresh = emulator.api().listAll(Map.of()).nextSyncToken();

        assertThat(emulator.api().listEvents(Map.of("syncToken", fresh)).statusCode()).isEqualTo(200);
    }

    @Test
    void seedingAnewExpiresTheCursorsOfTheOldCalendar() {
        emulator.seedAda(10);
        String syncToken = emulator.api().listAll(Map.of()).nextSyncToken();

        emulator.seedAda(12);

        assertThat(emulator.api().listEvents(Map.of("syncToken", syncToken)).statusCode()).isEqualTo(410);
    }

    private List<String> listedIds(List<String> seeded) {
        List<String> listed = emulator.calendar().snapshot(ADA).stream().map(item -> item.id()).toList();
        return seeded.stream().filter(listed::contains).toList();
    }

    private static JsonNode item(CalendarApiClient.Listing listing, String id) {
        return listing.items().stream().filter(item -> item.get("id").asText().equals(id)).findFirst().orElseThrow();
    }
}
