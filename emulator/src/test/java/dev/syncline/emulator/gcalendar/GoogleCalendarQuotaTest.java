package dev.syncline.emulator.gcalendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static dev.syncline.emulator.gcalendar.CalendarApiClient.reason;
import static dev.syncline.emulator.gcalendar.RunningCalendarEmulator.ADA;
import static org.assertj.core.api.Assertions.assertThat;

class GoogleCalendarQuotaTest {

    private static final CalendarQuota THREE_PER_MINUTE = CalendarQuota.GOOGLE_DEFAULT.limitedTo(3, Duration.ofMinutes(1));

    @RegisterExtension
    final RunningCalendarEmulator emulator = new RunningCalendarEmulator();

    @Test
    void throttlingIsOffByDefaultAndFollowsGooglesPublishedQuota() {
        CalendarQuota quota = emulator.calendar().quota(ADA);

        assertThat(quota.enabled()).isFalse();
        assertThat(quota.requestsPerWindow()).isEqualTo(600);
        assertThat(quota.window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(IntStream.range(0, 20).map(i -> list().statusCode())).containsOnly(200);
    }

    @Test
    void requestsOverTheQuotaAnswer429WithRetryAfter() {
        emulator.calendar().setQuota(THREE_PER_MINUTE);

        List<Integer> admitted = IntStream.range(0, 3).mapToObj(i -> list().statusCode()).toList();
        emulator.clock().advance(Duration.ofSeconds(15));
        HttpResponse<String> refused = list();

        assertThat(admitted).containsOnly(200);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(reason(refused)).isEqualTo("rateLimitExceeded");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("45");
    }

    @Test
    void theWindowSlidesSoRoomReturnsWhenTheOldestRequestLeavesIt() {
        emulator.calendar().setQuota(THREE_PER_MINUTE);
        list();
        emulator.clock().advance(Duration.ofSeconds(30));
        list();
        list();

        HttpResponse<String> full = list();
        emulator.clock().advance(Duration.ofSeconds(30));
        HttpResponse<String> roomAgain = list();

        assertThat(full.statusCode()).isEqualTo(429);
        assertThat(full.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(roomAgain.statusCode()).isEqualTo(200);
    }

    @Test
    void theForbiddenStyleAnswers403RateLimitExceededWithoutRetryAfter() {
        emulator.calendar().setQuota(THREE_PER_MINUTE.answeredWith(ThrottleAnswer.RATE_LIMIT_EXCEEDED));
        IntStream.range(0, 3).forEach(i -> list());

        HttpResponse<String> refused = list();

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(reason(refused)).isEqualTo("rateLimitExceeded");
        assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void countersTellRequestsThrottlingAndCallsDuringARunningRetryAfter() {
        emulator.calendar().setQuota(THREE_PER_MINUTE);
        IntStream.range(0, 4).forEach(i -> list());
        emulator.clock().advance(Duration.ofSeconds(59));
        list();
        emulator.clock().advance(Duration.ofSeconds(1));
        list();

        CalendarCounters counters = emulator.calendar().counters(ADA);

        assertThat(counters.requests()).isEqualTo(6);
        assertThat(counters.throttled()).isEqualTo(2);
        assertThat(counters.requestsDuringRetryAfter()).isEqualTo(1);
    }

    @Test
    void switchingThrottlingOffAdmitsEverythingAgain() {
        emulator.calendar().setQuota(THREE_PER_MINUTE);
        IntStream.range(0, 3).forEach(i -> list());

        emulator.calendar().setThrottling(false);

        assertThat(list().statusCode()).isEqualTo(200);
        assertThat(emulator.calendar().quota(ADA).requestsPerWindow()).isEqualTo(3);
    }

    @Test
    void countersRecordTheMostConcurrentRequests() {
        emulator.calendar().setLatency(ADA, Duration.ofMillis(400));

        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 3)
                .mapToObj(i -> emulator.api().listEventsAsync(Map.of())).toList();
        calls.forEach(CompletableFuture::join);

        assertThat(emulator.calendar().counters(ADA).maxConcurrent()).isEqualTo(3);
    }

    @Test
    void resettingCountersZeroesThem() {
        list();

        emulator.calendar().resetCounters(ADA);

        assertThat(emulator.calendar().counters(ADA)).isEqualTo(new CalendarCounters(0, 0, 0, 0));
    }

    private HttpResponse<String> list() {
        return emulator.api().listEvents(Map.of());
    }
}
