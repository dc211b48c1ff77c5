package dev.syncline.emulator.gcalendar;

import dev.syncline.emulator.MutableClock;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A fresh emulator for each test on a clock the test moves, with Ada's calendar control and an API
 * client holding a token of hers: {@code @RegisterExtension final RunningCalendarEmulator emulator = new RunningCalendarEmulator();}.
 */
final class RunningCalendarEmulator implements BeforeEachCallback, AfterEachCallback {

    static final String ADA = "ada@gmail.example";
    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private EmulatorServer server;
    private CalendarApiClient api;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = EmulatorServer.start(EmulatorConfig.forTests().withClock(clock));
        String token = server.control().issueAccessToken(EmulatedProvider.GOOGLE, ADA, Duration.ofHours(1));
        api = new CalendarApiClient(server.baseUrl(), token);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    /** Seeds Ada's calendar with {@code count} generated items; answers their ids in generation order. */
    List<String> seedAda(int count) {
        return calendar().seed(ADA, MailboxGenerator.generate(new MailboxSpec(7, 0, 0, count, NOW), ADA).calendarItems());
    }

    EmulatorServer server() {
        return server;
    }

    GoogleCalendarEmulator calendar() {
        return (GoogleCalendarEmulator) server.control().calendar(EmulatedProvider.GOOGLE);
    }

    CalendarApiClient api() {
        return api;
    }

    MutableClock clock() {
        return clock;
    }
}
