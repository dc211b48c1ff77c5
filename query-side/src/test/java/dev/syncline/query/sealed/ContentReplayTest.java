package dev.syncline.query.sealed;

import static dev.syncline.query.sealed.ContentEvents.WORKSPACE;
import static dev.syncline.query.sealed.ContentEvents.allDay;
import static dev.syncline.query.sealed.ContentEvents.calendarPage;
import static dev.syncline.query.sealed.ContentEvents.completed;
import static dev.syncline.query.sealed.ContentEvents.item;
import static dev.syncline.query.sealed.ContentEvents.mailPage;
import static dev.syncline.query.sealed.ContentEvents.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.query.calendar.CalendarEventsProjection;
import dev.syncline.query.messages.SyncedMessagesProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A replay rebuilds the content read models exactly: the same events through Axon's handler adapter, a
 * reset, the same events again, and every column of every row is the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentReplayTest {

    private static final String GMAIL = "acc-gmail";
    private static final String OUTLOOK = "acc-outlook";
    private static final String GONE = "acc-gone";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private ContentDatabase database;

    @BeforeAll
    void createDatabase() {
        database = ContentDatabase.create("ContentReplayTest");
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @Test
    void aReplayAfterAResetRebuildsTheSameRows() throws Exception {
        PlainJsonSealedContent content = new PlainJsonSealedContent();
        AnnotationEventHandlerAdapter messages =
                new AnnotationEventHandlerAdapter(new SyncedMessagesProjection(database.dataSource(), content));
        AnnotationEventHandlerAdapter calendar =
                new AnnotationEventHandlerAdapter(new CalendarEventsProjection(database.dataSource(), content));
        List<EventMessage<?>> history = history();

        feed(history, messages, calendar);
        String messagesBefore = database.checksum("synced_messages");
        String calendarBefore = database.checksum("calendar_events");
        messages.prepareReset();
        calendar.prepareReset();
        assertThat(database.count("synced_messages") + database.count("calendar_events")).isZero();
        feed(history, messages, calendar);

        assertThat(database.count("synced_messages")).isEqualTo(58);
        assertThat(database.count("calendar_events")).isEqualTo(2);
        assertThat(database.checksum("synced_messages")).isEqualTo(messagesBefore);
        assertThat(database.checksum("calendar_events")).isEqualTo(calendarBefore);
    }

    /** Two full syncs with a sweep, an incremental one with removals, calendar pages and a disconnected account. */
    private static List<EventMessage<?>> history() {
        List<Object> events = new ArrayList<>();
        events.add(mailPage(GMAIL, "s1", IntStream.range(0, 40).mapToObj(i -> message("g-" + i, T0.plusSeconds(i))).toList(),
                List.of()));
        events.add(completed(GMAIL, SyncChannel.MAIL, "s1", SyncKind.FULL));
        events.add(mailPage(GMAIL, "s2", List.of(message("g-40", T0.plusSeconds(40))),
                List.of(new RemovedItem("g-0", null), new RemovedItem("g-1", "folder-elsewhere"))));
        events.add(completed(GMAIL, SyncChannel.MAIL, "s2", SyncKind.INCREMENTAL));
        events.add(mailPage(OUTLOOK, "s3", IntStream.range(0, 20).mapToObj(i -> message("o-" + i, T0.plusSeconds(i))).toList(),
                List.of()));
        events.add(mailPage(OUTLOOK, "s4", IntStream.range(2, 20).mapToObj(i -> message("o-" + i, T0.plusSeconds(i))).toList(),
                List.of()));
        events.add(completed(OUTLOOK, SyncChannel.MAIL, "s4", SyncKind.FULL));
        events.add(calendarPage(GMAIL, "c1", List.of(item("ev-1", T0, T0.plusSeconds(1800)),
                allDay("ev-2", Instant.parse("2026-03-10T00:00:00Z"), 1)), List.of()));
        events.add(mailPage(GONE, "s5", List.of(message("x-1", T0)), List.of()));
        events.add(calendarPage(GONE, "c2", List.of(item("x-ev", T0, T0.plusSeconds(60))), List.of()));
        events.add(new AccountDisconnectedEvent(GONE, WORKSPACE));
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericEventMessage<>("event-" + i, events.get(i), MetaData.emptyInstance(),
                    T0.plus(Duration.ofMinutes(i))));
        }
        return messages;
    }

    private static void feed(List<EventMessage<?>> history, AnnotationEventHandlerAdapter... adapters) throws Exception {
        for (EventMessage<?> event : history) {
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(event)) {
                    adapter.handle(event);
                }
            }
        }
    }
}
