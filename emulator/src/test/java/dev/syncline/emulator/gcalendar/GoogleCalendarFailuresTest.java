package dev.syncline.emulator.gcalendar;

import dev.syncline.emulator.EmulatedProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static dev.syncline.emulator.gcalendar.CalendarApiClient.EVENTS;
import static dev.syncline.emulator.gcalendar.CalendarApiClient.reason;
import static dev.syncline.emulator.gcalendar.RunningCalendarEmulator.ADA;
import static org.assertj.core.api.Assertions.assertThat;

class GoogleCalendarFailuresTest {

    @RegisterExtension
    final RunningCalendarEmulator emulator = new RunningCalendarEmulator();

    @Test
    void aRequestWithoutTokenAnswers401InGooglesShape() {
        HttpResponse<String> response = emulator.api().get(EVENTS, Map.of(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(reason(response)).isEqualTo("authError");
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer ");
    }

    @Test
    void anExpiredTokenAnswers401() {
        emulator.server().control().expireAccessTokens(EmulatedProvider.GOOGLE, ADA);

        HttpResponse<String> response = emulator.api().listEvents(Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_token");
    }

    @Test
    void injectedServerErrorsHitTheNextCallsThenStop() {
        emulator.calendar().injectFault(ADA, CalendarFault.serverErrors(503, 2).withRetryAfter(Duration.ofSeconds(5)));

        HttpResponse<String> first = emulator.api().listEvents(Map.of());
        HttpResponse<String> second = emulator.api().listEvents(Map.of());
        HttpResponse<String> third = emulator.api().listEvents(Map.of());

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(reason(second)).isEqualTo("backendError");
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(emulator.calendar().pendingFaults(ADA)).isEmpty();
    }

    @Test
    void queuedFaultsAreServedInOrder() {
        emulator.calendar().injectFault(ADA, CalendarFault.serverErrors(500, 1));
        emulator.calendar().injectFault(ADA, CalendarFault.serverErrors(503, 1));

        int first = emulator.api().listEvents(Map.of()).statusCode();
        int second = emulator.api().listEvents(Map.of()).statusCode();

        assertThat(first).isEqualTo(500);
        assertThat(second).isEqualTo(503);
    }

    @Test
    void addedLatencyDelaysEveryCall() {
        emulator.calendar().setLatency(ADA, Duration.ofMillis(300));

        long started = System.nanoTime();
        int status = emulator.api().listEvents(Map.of()).statusCode();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(status).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
