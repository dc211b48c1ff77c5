package dev.syncline.emulator.gmail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static dev.syncline.emulator.gmail.RunningGmail.API;
import static dev.syncline.emulator.gmail.RunningGmail.EMAIL;
import static dev.syncline.emulator.gmail.RunningGmail.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GmailQuotaTest {

    @RegisterExtension
    final RunningGmail gmail = new RunningGmail();

    @Test
    void callsBeyondTheQuotaAnswer429WithRetryAfterWhenThrottlingIsOn() {
        List<String> ids = gmail.seed(60, 0).ids();
        gmail.emulator().setThrottling(true);

        List<RunningGmail.BatchAnswer> answers = RunningGmail.answers(gmail.batch(ids.stream().map(id -> API + "/messages/" + id).toList()));

        assertThat(answers.subList(0, 50)).extracting(RunningGmail.BatchAnswer::status).containsOnly(200);
        assertThat(answers.subList(50, 60)).extracting(RunningGmail.BatchAnswer::status).containsOnly(429);
        RunningGmail.BatchAnswer throttled = answers.get(50);
        assertThat(throttled.headers()).containsEntry("Retry-After", "2");
        assertThat(throttled.body().at("/error/errors/0/reason").asText()).isEqualTo("rateLimitExceeded");
        GmailCounters counters = gmail.emulator().counters(EMAIL);
        assertThat(counters.unitsUsed()).isEqualTo(250);
        assertThat(counters.throttledResponses()).isEqualTo(10);
        assertThat(counters.peakUnitsPerSecond()).isEqualTo(300);
        assertThat(counters.requestsDuringRetryAfter()).isZero();
    }

    @Test
    void aCallDuringTheRetryAfterIsRefusedAndCounted() {
        gmail.seed(60, 0);
        gmail.emulator().updateThrottling(t -> t.withEnabled(true).withUnitsPerSecond(3).withRetryAfter(Duration.ofSeconds(30)));
        gmail.get(API + "/profile");
        gmail.get(API + "/profile");
        gmail.get(API + "/profile");

        HttpResponse<String> throttled = gmail.get(API + "/profile");
        HttpResponse<String> tooEarly = gmail.get(API + "/profile");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(tooEarly.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(tooEarly.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
        assertThat(gmail.emulator().counters(EMAIL).requestsDuringRetryAfter()).isEqualTo(1);
    }

    @Test
    void theMailboxServesAgainOnceTheRetryAfterHasPassed() {
        gmail.seed(5, 0);
        gmail.emulator().updateThrottling(t -> t.withEnabled(true).withUnitsPerSecond(1).withRetryAfter(Duration.ofSeconds(1)));
        gmail.get(API + "/profile");
        assertThat(gmail.get(API + "/profile").statusCode()).isEqualTo(429);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> gmail.get(API + "/profile").statusCode() == 200);
    }

    @Test
    void throttlingIsOffByDefault() {
        List<String> ids = gmail.seed(100, 0).ids();

        List<RunningGmail.BatchAnswer> answers = RunningGmail.answers(gmail.batch(ids.stream().map(id -> API + "/messages/" + id).toList()));

        assertThat(answers).extracting(RunningGmail.BatchAnswer::status).containsOnly(200);
        assertThat(gmail.emulator().counters(EMAIL).peakUnitsPerSecond()).isEqualTo(500);
        assertThat(gmail.emulator().counters(EMAIL).throttledResponses()).isZero();
    }

    @Test
    void eachOperationCostsItsPublishedUnits() {
        List<String> ids = gmail.seed(5, 0).ids();
        String historyId = gmail.getJson(API + "/profile").get("historyId").asText();

        gmail.get(API + "/labels");
        gmail.get(API + "/messages");
        gmail.get(API + "/messages/" + ids.get(0));
        gmail.get(API + "/history?startHistoryId=" + historyId);

        GmailCounters counters = gmail.emulator().counters(EMAIL);
        assertThat(counters.requests()).isEqualTo(5);
        assertThat(counters.unitsUsed()).isEqualTo(1 + 1 + 5 + 5 + 2);
    }

    @Test
    void concurrentCallsOfOneMailboxAreSeen() {
        gmail.seed(5, 0);
        gmail.emulator().setLatency(EMAIL, Duration.ofMillis(400));

        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> gmail.get(API + "/profile"))).toList();
        calls.forEach(CompletableFuture::join);

        assertThat(gmail.emulator().counters(EMAIL).maxConcurrentRequests()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void countersCanBeResetAndAreKeptPerMailbox() {
        gmail.seed(5, 0);
        gmail.get(API + "/profile");

        gmail.emulator().resetCounters(EMAIL);

        assertThat(gmail.emulator().counters(EMAIL).requests()).isZero();
        assertThat(gmail.emulator().counters("someone.else@gmail.example").requests()).isZero();
    }

    @Test
    void injectedFaultsAnswerTheNextCallsAndThenTheMailboxRecovers() {
        gmail.seed(5, 0);
        gmail.emulator().injectFaults(EMAIL, 503, 2);

        HttpResponse<String> first = gmail.get(API + "/profile");
        HttpResponse<String> second = gmail.get(API + "/profile");
        HttpResponse<String> third = gmail.get(API + "/profile");

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(json(first.body()).at("/error/status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void aMailboxWithoutTheMailServiceAnswersFailedPrecondition() {
        gmail.seed(5, 0);
        gmail.emulator().setMailServiceEnabled(EMAIL, false);

        HttpResponse<String> response = gmail.get(API + "/profile");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).at("/error/errors/0/reason").asText()).isEqualTo("failedPrecondition");
    }
}
