package dev.syncline.providers.graph;

import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.emulator.mailbox.GeneratedAttendee;
import dev.syncline.emulator.mailbox.GeneratedCalendarItem;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.messages.sync.AttendeeResponse;
import dev.syncline.messages.sync.CalendarAttendee;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.CalendarItemsPage;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.providers.sync.CursorExpiredException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static dev.syncline.providers.graph.EmulatedGraph.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class GraphCalendarSourceTest {

    private static final Map<String, AttendeeResponse> RESPONSES = Map.of("accepted", AttendeeResponse.ACCEPTED,
            "declined", AttendeeResponse.DECLINED, "tentative", AttendeeResponse.TENTATIVE,
            "needsAction", AttendeeResponse.NEEDS_ACTION);

    private EmulatedGraph graph;
    private GraphCalendarSource source;

    @BeforeEach
    void start() {
        graph = new EmulatedGraph();
        GraphSettings settings = graph.settings().withCalendarPageSize(40);
        source = new GraphCalendarSource(settings, new GraphMailboxLimiter(settings));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void aFullSyncReadsTheCalendarExactlyAsItIsHeld() {
        graph.seed(0, 0, 150);
        CalendarReplica replica = new CalendarReplica();

        String cursor = replica.sync(source, graph.access, null);

        assertThat(cursor).isNotBlank();
        assertThat(replica.pages()).isEqualTo(4);
        assertThat(replica.asSnapshot()).isEqualTo(graph.calendar.snapshot(USER));
        assertThat(replica.items()).anyMatch(item -> item.status() == CalendarItemStatus.CANCELLED);
        assertThat(replica.items()).anyMatch(CalendarItem::allDay);
        assertThat(replica.items()).anyMatch(item -> !item.recurrence().isEmpty());
    }

    @Test
    void itemsCarryTheirZoneOrganizerAndAttendeeAnswers() {
        List<GeneratedCalendarItem> generated = graph.seed(0, 0, 80).calendarItems();
        List<String> ids = graph.calendar.seed(USER, generated);
        CalendarReplica replica = new CalendarReplica();
        replica.sync(source, graph.access, null);

        for (CalendarItem item : replica.items()) {
            GeneratedCalendarItem origin = generated.get(ids.indexOf(item.externalId()));
            assertThat(item.title()).isEqualTo(origin.title());
            assertThat(item.timeZone()).isEqualTo(origin.timeZone());
            assertThat(item.description()).isEqualTo(origin.description());
            assertThat(item.location()).isEqualTo(origin.location());
            assertThat(item.organizer().address()).isEqualTo(origin.organizer().email());
            assertThat(item.attendees()).extracting(CalendarAttendee::email, CalendarAttendee::response)
                    .containsExactlyElementsOf(origin.attendees().stream()
                            .map(a -> tuple(a.email(), RESPONSES.get(a.response()))).toList());
            assertThat(item.seriesId()).isNull();
        }
    }

    @Test
    void anIncrementalSyncBringsAddedMovedAndDeletedItems() {
        graph.seed(0, 0, 60);
        CalendarReplica replica = new CalendarReplica();
        String cursor = replica.sync(source, graph.access, null);
        List<CalendarSnapshotItem> before = graph.calendar.snapshot(USER);

        String added = graph.calendar.addItem(USER, MailboxGenerator.calendarItem("new", "Planning",
                LocalDateTime.parse("2026-03-12T14:00:00"), Duration.ofMinutes(90), "America/New_York"));
        graph.calendar.updateItem(USER, before.get(0).id(), "Moved review", LocalDateTime.parse("2026-03-20T08:00:00"));
        graph.calendar.deleteItem(USER, before.get(1).id());
        CalendarItemsPage round = source.fetch(graph.access, cursor);
        replica.apply(round);

        assertThat(round.last()).isTrue();
        assertThat(round.removed()).containsExactly(new RemovedItem(before.get(1).id(), null));
        assertThat(round.upserted()).extracting(CalendarItem::externalId).containsExactlyInAnyOrder(added, before.get(0).id());
        assertThat(replica.asSnapshot()).isEqualTo(graph.calendar.snapshot(USER));
        assertThat(replica.get(added).startsAt()).isEqualTo("2026-03-12T18:00:00Z");
        assertThat(replica.get(added).timeZone()).isEqualTo("America/New_York");
    }

    @Test
    void anExpiredCalendarCursorAsksForASyncFromScratch() {
        graph.seed(0, 0, 10);
        String cursor = new CalendarReplica().sync(source, graph.access, null);

        graph.calendar.expireCursors(USER);

        assertThatThrownBy(() -> source.fetch(graph.access, cursor)).isInstanceOf(CursorExpiredException.class)
                .hasMessageContaining("resyncRequired");
    }

    @Test
    void theGeneratorsAnswersMapToSynclinesWords() {
        assertThat(RESPONSES.keySet()).containsExactlyInAnyOrderElementsOf(
                graph.seed(0, 0, 120).calendarItems().stream().flatMap(i -> i.attendees().stream())
                        .map(GeneratedAttendee::response).distinct().toList());
    }
}
