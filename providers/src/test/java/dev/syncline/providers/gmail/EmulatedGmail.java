package dev.syncline.providers.gmail;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.gmail.GmailEmulator;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.MailSnapshotItem;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;
import dev.syncline.messages.sync.SyncedMessage;
import dev.syncline.providers.sync.MailboxAccess;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fresh emulator per test with Ada's Gmail mailbox, a live token for it, and settings that point the
 * adapter at the emulator: {@code @RegisterExtension final EmulatedGmail gmail = new EmulatedGmail();}.
 */
final class EmulatedGmail implements BeforeEachCallback, AfterEachCallback {

    static final String EMAIL = "ada@gmail.example";
    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    /** So high that only the emulator's own throttling, when a test turns it on, limits the pace. */
    static final int UNLIMITED_UNITS = 1_000_000;

    private EmulatorServer server;
    private MailboxAccess access;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = EmulatorServer.start(EmulatorConfig.forTests());
        access = new MailboxAccess("account-ada", freshToken());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    String freshToken() {
        return server.control().issueAccessToken(EmulatedProvider.GOOGLE, EMAIL, Duration.ofHours(1));
    }

    void expireTokens() {
        server.control().expireAccessTokens(EmulatedProvider.GOOGLE, EMAIL);
    }

    MailboxAccess access() {
        return access;
    }

    GmailEmulator emulator() {
        // The mail control of Google is the Gmail emulator, which also offers counters, faults and quotas.
        return (GmailEmulator) server.control().mail(EmulatedProvider.GOOGLE);
    }

    GeneratedMailbox seed(int messages, int folders) {
        GeneratedMailbox mailbox = MailboxGenerator.generate(new MailboxSpec(11, messages, folders, 0, NOW), EMAIL);
        emulator().seed(EMAIL, mailbox);
        return mailbox;
    }

    /** Settings for a source that reads this emulator, without a client-side quota in the way. */
    GmailSettings settings() {
        return GmailSettings.defaults().withRootUrl(server.baseUrl() + "/").withUnitsPerSecond(UNLIMITED_UNITS);
    }

    List<MailSnapshotItem> snapshot() {
        return emulator().snapshot(EMAIL);
    }

    /** The synced copy in the snapshot's terms, sorted by id like the snapshot. */
    static List<MailSnapshotItem> asSnapshot(Collection<SyncedMessage> messages) {
        return messages.stream()
                .map(m -> new MailSnapshotItem(m.externalId(), m.threadId(), m.folderId(), Set.copyOf(m.labels()), m.subject(),
                        m.from() == null ? null : m.from().address(), m.receivedAt(), m.unread(),
                        m.attachments().stream().map(a -> a.name()).collect(Collectors.toUnmodifiableSet())))
                .sorted(Comparator.comparing(MailSnapshotItem::id))
                .toList();
    }
}
