package dev.syncline.api.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.Users;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.mailbox.CalendarControl;
import dev.syncline.emulator.mailbox.MailControl;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.sagas.schedule.ScheduledSyncStarter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * For each of Gmail, Google Calendar, Outlook mail and Outlook calendar, through the REST API and the real
 * SDKs against the emulator: connecting starts the initial sync, which ends with exactly what the provider
 * holds; after adds, changes, moves and deletes at the provider an incremental sync matches again; and
 * when the provider no longer accepts the cursor, one full resync converges, removing what is gone.
 */
class SyncEndToEndTest extends ApiIntegrationTest {

    private static final int MESSAGES = 2_000;
    private static final int FOLDERS = 4;
    private static final int CALENDAR_ITEMS = 300;
    private static final int FEW = 20;

    @Autowired
    EmulatorServer emulator;

    @Autowired
    ScheduledSyncStarter starter;

    @ParameterizedTest
    @EnumSource(SyncedChannel.class)
    void initialAndIncrementalSyncsMatchTheProviderExactly(SyncedChannel synced) {
        SyncedMailbox mailbox = generatedMailbox(synced).connected();
        mailbox.syncScheduled(starter);
        assertThat(mailbox.syncline()).hasSize(synced.isMail() ? MESSAGES : mailbox.provider().size());

        changeEverythingOnce(mailbox);
        mailbox.requestSync("auto");
        mailbox.awaitExactMatch();
    }

    @ParameterizedTest
    @EnumSource(SyncedChannel.class)
    void anExpiredCursorLeadsToOneFullResyncThatConverges(SyncedChannel synced) {
        SyncedMailbox mailbox = generatedMailbox(synced).connected();
        mailbox.syncScheduled(starter);

        changeEverythingOnce(mailbox);
        if (synced.isMail()) {
            emulator.control().mail(synced.provider).expireCursors(mailbox.email);
        } else {
            emulator.control().calendar(synced.provider).expireCursors(mailbox.email);
        }
        mailbox.requestSync("auto");
        mailbox.awaitExactMatch();
    }

    private SyncedMailbox generatedMailbox(SyncedChannel synced) {
        SyncedMailbox mailbox = new SyncedMailbox(synced, emulator, Users.registerAndLogIn(api(), "sync-e2e"));
        return synced.isMail() ? mailbox.seeded(MESSAGES, FOLDERS, FEW) : mailbox.seeded(FEW, 1, CALENDAR_ITEMS);
    }

    /** Adds, changes, moves and deletes at the provider, as a user in another client would. */
    private void changeEverythingOnce(SyncedMailbox mailbox) {
        List<String> ids = mailbox.provider().stream().map(row -> row.substring(0, row.indexOf('|'))).toList();
        if (mailbox.synced.isMail()) {
            MailControl mail = emulator.control().mail(mailbox.synced.provider);
            for (int i = 0; i < 5; i++) {
                mail.addMessage(mailbox.email, MailboxGenerator.message(i, "added-" + i, "Inbox",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS)));
                mail.updateMessage(mailbox.email, ids.get(i), i % 2 == 0, "Changed subject " + i);
                mail.moveMessage(mailbox.email, ids.get(10 + i), "Archive");
                mail.deleteMessage(mailbox.email, ids.get(20 + i));
            }
        } else {
            CalendarControl calendar = emulator.control().calendar(mailbox.synced.provider);
            for (int i = 0; i < 3; i++) {
                calendar.addItem(mailbox.email, MailboxGenerator.calendarItem("added-" + i, "Added " + i,
                        LocalDateTime.now().plusDays(i + 1).withNano(0), Duration.ofMinutes(45), "Europe/Berlin"));
                calendar.updateItem(mailbox.email, ids.get(i), "Retitled " + i, i == 0 ? null : LocalDateTime.now().plusDays(3).withNano(0));
                calendar.deleteItem(mailbox.email, ids.get(10 + i));
            }
        }
    }
}
