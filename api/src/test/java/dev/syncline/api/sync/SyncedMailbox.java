package dev.syncline.api.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.gmail.GmailEmulator;
import dev.syncline.emulator.graph.GraphMailControl;
import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.MailSnapshotItem;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;
import dev.syncline.sagas.schedule.ScheduledSyncStarter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One emulator user with a generated mailbox, connected by a Syncline user, and the two views the
 * end-to-end tests compare: what the provider holds (the emulator's snapshot) and what Syncline's read
 * models answer over the REST API, both reduced to the same comparable rows.
 */
final class SyncedMailbox {

    static final Duration SYNC_WAIT = Duration.ofMinutes(3);

    final SyncedChannel synced;
    final EmulatorServer emulator;
    final ApiClient user;
    final String email;
    String accountId;

    private SyncedMailbox(SyncedChannel synced, EmulatorServer emulator, ApiClient user, String email, String accountId) {
        this.synced = synced;
        this.emulator = emulator;
        this.user = user;
        this.email = email;
        this.accountId = accountId;
    }

    /** The other channel of the same account, e.g. the calendar of a mailbox whose mail a test synced. */
    SyncedMailbox as(SyncedChannel otherChannel) {
        return new SyncedMailbox(otherChannel, emulator, user, email, accountId);
    }

    /** The same mailbox seen by another client of the same user (after a restart, say). */
    SyncedMailbox withUser(ApiClient sameUser) {
        return new SyncedMailbox(synced, emulator, sameUser, email, accountId);
    }

    SyncedMailbox(SyncedChannel synced, EmulatorServer emulator, ApiClient user) {
        this(synced, emulator, user, synced.name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        emulator.control().addUser(synced.provider, email, "Synced " + synced.name());
    }

    private SyncedMailbox(SyncedChannel synced, EmulatorServer emulator, ApiClient user, String email) {
        this.synced = synced;
        this.emulator = emulator;
        this.user = user;
        this.email = email;
    }

    /** The other channel of the same mailbox and account, e.g. the Outlook calendar beside the Outlook mail. */
    SyncedMailbox channel(SyncedChannel other) {
        if (other.provider != synced.provider) {
            throw new IllegalArgumentException(other + " is not a channel of a " + synced.provider + " mailbox");
        }
        SyncedMailbox sibling = new SyncedMailbox(other, emulator, user, email);
        sibling.accountId = accountId;
        return sibling;
    }

    /** Fills the provider side: a generated mailbox and calendar. */
    SyncedMailbox seeded(int messages, int folders, int calendarItems) {
        GeneratedMailbox mailbox = MailboxGenerator.generate(
                new MailboxSpec(email.hashCode(), messages, folders, calendarItems, Instant.now()), email);
        emulator.control().mail(synced.provider).seed(email, mailbox);
        emulator.control().calendar(synced.provider).seed(email, mailbox.calendarItems());
        return this;
    }

    SyncedMailbox connected() {
        accountId = ConnectFlow.connect(user, synced.providerId(), email);
        return this;
    }

    /**
     * Starts the syncs the schedule says are due, as its timer would (again on every poll: the schedule
     * learns of the connect asynchronously), and waits until the channel matches the provider.
     */
    void syncScheduled(ScheduledSyncStarter starter) {
        await().atMost(SYNC_WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            starter.startDueSyncs();
            assertThat(syncline()).as("Syncline's %s of %s", synced.channel.id(), synced.provider)
                    .containsExactlyElementsOf(provider());
        });
    }

    /**
     * Starts the syncs the schedule says are due until this channel's sync has started (without waiting for
     * it to end), and answers its sync id.
     */
    String syncStarted(ScheduledSyncStarter starter) {
        // The sync status learns of the connect asynchronously; until then it does not know the account.
        return await().atMost(SYNC_WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            starter.startDueSyncs();
            JsonNode status = status();
            return status.hasNonNull("syncId") ? status.path("syncId").asText() : null;
        }, Objects::nonNull);
    }

    /** Asks for a sync of the channel over the API (202), then waits until it matches the provider. */
    String requestSync(String mode) {
        ApiClient.Response accepted = user.post("/api/v1/accounts/" + accountId + "/syncs",
                ApiClient.body("channel", synced.channel.id(), "mode", mode));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).endsWith("/syncs/" + accepted.json().path("syncId").asText());
        return accepted.json().path("syncId").asText();
    }

    void awaitExactMatch() {
        await().atMost(SYNC_WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(syncline()).as("Syncline's %s of %s", synced.channel.id(), synced.provider)
                        .containsExactlyElementsOf(provider()));
    }

    /** The channel's sync status as its owner sees it ({@code stage}, {@code syncId}, {@code lastError}, …). */
    JsonNode status() {
        ApiClient.Response response = user.get("/api/v1/accounts/" + accountId + "/sync-status");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode channel : response.json()) {
            if (channel.path("channel").asText().equals(synced.channel.name())) {
                return channel;
            }
        }
        return MissingNode.getInstance();
    }

    /** One sync run of the channel ({@code state}, {@code lastError}, …). */
    JsonNode run(String syncId) {
        ApiClient.Response response = user.get("/api/v1/accounts/" + accountId + "/syncs/" + syncId);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The connected account ({@code status}, …). */
    JsonNode account() {
        ApiClient.Response response = user.get("/api/v1/accounts/" + accountId);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Adds latency to every mail API call of the mailbox (at Microsoft, its calendar calls too); zero turns it off. */
    SyncedMailbox latency(Duration latency) {
        if (synced.provider == EmulatedProvider.GOOGLE) {
            gmail().setLatency(email, latency);
        } else {
            graph().setLatency(email, latency);
        }
        return this;
    }

    /** The mailbox's next {@code times} mail API calls answer 503 (at Microsoft, its calendar calls too). */
    void injectServerErrors(int times) {
        if (synced.provider == EmulatedProvider.GOOGLE) {
            gmail().injectFaults(email, 503, times);
        } else {
            graph().injectFaults(email, 503, times, null);
        }
    }

    void clearServerErrors() {
        if (synced.provider == EmulatedProvider.GOOGLE) {
            gmail().clearFaults(email);
        } else {
            graph().clearFaults(email);
        }
    }

    /** What the provider holds now, as comparable rows sorted by external id. */
    List<String> provider() {
        if (synced.isMail()) {
            return emulator.control().mail(synced.provider).snapshot(email).stream().map(SyncedMailbox::row).sorted().toList();
        }
        return emulator.control().calendar(synced.provider).snapshot(email).stream().map(SyncedMailbox::row).sorted().toList();
    }

    /** What Syncline answers now, as the same rows. */
    List<String> syncline() {
        return synced.isMail() ? mailRows() : calendarRows();
    }

    private List<String> mailRows() {
        List<String> rows = new ArrayList<>();
        String pageToken = null;
        do {
            String path = "/api/v1/messages?limit=200&accountId=" + accountId
                    + (pageToken == null ? "" : "&pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
            ApiClient.Response page = user.get(path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            for (JsonNode message : page.json().path("items")) {
                rows.add(String.join("|", message.path("externalId").asText(), text(message.path("folderId")),
                        labels(message.path("labels")), message.path("subject").asText(),
                        message.path("from").path("address").asText(),
                        Instant.parse(message.path("receivedAt").asText()).toString(),
                        String.valueOf(message.path("unread").asBoolean()),
                        String.valueOf(message.path("hasAttachments").asBoolean())));
            }
            pageToken = page.json().hasNonNull("nextPageToken") ? page.json().path("nextPageToken").asText() : null;
        } while (pageToken != null);
        return rows.stream().sorted().toList();
    }

    private List<String> calendarRows() {
        Instant now = Instant.now();
        ApiClient.Response page = user.get("/api/v1/calendar-events?accountId=" + accountId + "&from="
                + now.minus(Duration.ofDays(180)) + "&to=" + now.plus(Duration.ofDays(180)));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode item : page.json().path("items")) {
            JsonNode recurrence = item.path("recurrence");
            rows.add(String.join("|", item.path("externalId").asText(), item.path("title").asText(),
                    Instant.parse(item.path("startsAt").asText()).toString(), Instant.parse(item.path("endsAt").asText()).toString(),
                    String.valueOf(item.path("allDay").asBoolean()),
                    String.valueOf("CANCELLED".equals(item.path("status").asText())),
                    recurrence.isArray() && !recurrence.isEmpty() ? recurrence.get(0).asText() : "-"));
        }
        return rows.stream().sorted().toList();
    }

    private GmailEmulator gmail() {
        return (GmailEmulator) emulator.control().mail(EmulatedProvider.GOOGLE);
    }

    private GraphMailControl graph() {
        return (GraphMailControl) emulator.control().mail(EmulatedProvider.MICROSOFT);
    }

    private static String row(MailSnapshotItem item) {
        return String.join("|", item.id(), item.folderId() == null ? "-" : item.folderId(), String.join(",", new TreeSet<>(item.labels())),
                item.subject(), item.fromAddress(), item.receivedAt().toString(), String.valueOf(item.unread()),
                String.valueOf(!item.attachmentNames().isEmpty()));
    }

    private static String row(CalendarSnapshotItem item) {
        return String.join("|", item.id(), item.title(), item.startsAt().toString(), item.endsAt().toString(),
                String.valueOf(item.allDay()), String.valueOf(item.cancelled()), item.recurrence() == null ? "-" : item.recurrence());
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "-" : node.asText();
    }

    private static String labels(JsonNode labels) {
        Set<String> sorted = new TreeSet<>();
        labels.forEach(label -> sorted.add(label.asText()));
        return String.join(",", sorted);
    }
}
