package dev.syncline.providers.graph;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.graph.GraphCalendarControl;
import dev.syncline.emulator.graph.GraphMailControl;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;
import dev.syncline.providers.sync.MailboxAccess;

import java.time.Duration;
import java.time.Instant;

/** The emulator with Grace signed in, and Graph settings that point the adapters at it. */
final class EmulatedGraph implements AutoCloseable {

    static final String USER = "grace@outlook.example";
    static final String ACCOUNT = "account-grace";
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    final EmulatorServer server;
    final GraphMailControl mail;
    final GraphCalendarControl calendar;
    final MailboxAccess access;

    EmulatedGraph() {
        server = EmulatorServer.start(EmulatorConfig.forTests());
        mail = (GraphMailControl) server.control().mail(EmulatedProvider.MICROSOFT);
        calendar = (GraphCalendarControl) server.control().calendar(EmulatedProvider.MICROSOFT);
        access = new MailboxAccess(ACCOUNT,
                server.control().issueAccessToken(EmulatedProvider.MICROSOFT, USER, Duration.ofHours(1)));
    }

    GraphSettings settings() {
        return GraphSettings.defaults().withBaseUrl(server.url("/v1.0"));
    }

    GeneratedMailbox seed(int messages, int folders, int calendarItems) {
        GeneratedMailbox generated = MailboxGenerator.generate(new MailboxSpec(11, messages, folders, calendarItems, NOW), USER);
        mail.seed(USER, generated);
        calendar.seed(USER, generated.calendarItems());
        return generated;
    }

    @Override
    public void close() {
        server.close();
    }
}
