package dev.syncline.emulator.graph;

import dev.syncline.emulator.MutableClock;
import dev.syncline.emulator.EmulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static dev.syncline.emulator.graph.GraphFixture.USER;
import static dev.syncline.emulator.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class GraphThrottlingTest {

    private static final String FOLDERS = "/v1.0/me/mailFolders";

    private GraphFixture graph;

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void aFifthConcurrentRequestIsRefusedWithRetryAfter() {
        graph = GraphFixture.start();
        graph.mail.setThrottling(true);
        graph.mail.setLatency(USER, Duration.ofMillis(1_500));

        List<HttpResponse<String>> responses = concurrently(5);

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(4);
        HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(refused).get("error").get("code").asText()).isEqualTo("ApplicationThrottled");
        GraphMailboxCounters counters = graph.mail.counters(USER);
        assertThat(counters.requests()).isEqualTo(5);
        assertThat(counters.throttled()).isEqualTo(1);
        assertThat(counters.concurrencyThrottled()).isEqualTo(1);
        assertThat(counters.maxConcurrentRequests()).isEqualTo(5);
    }

    @Test
    void withThrottlingOffConcurrentRequestsAreServedAndTheirPeakIsCounted() {
        graph = GraphFixture.start();
        graph.mail.setLatency(USER, Duration.ofMillis(1_000));

        List<HttpResponse<String>> responses = concurrently(6);

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(graph.mail.counters(USER).maxConcurrentRequests()).isBetween(5, 6);
        assertThat(graph.mail.counters(USER).throttled()).isZero();
    }

    @Test
    void anExhaustedBudgetRefusesUntilItsWindowEndsAndCountsRequestsThatDidNotWait() {
        MutableClock clock = new MutableClock(GraphFixture.NOW);
        graph = GraphFixture.start(EmulatorConfig.forTests().withClock(clock));
        graph.mail.setThrottling(true);
        graph.mail.setRequestBudget(3, Duration.ofMinutes(1));

        IntStream.range(0, 3).forEach(i -> assertThat(graph.get(FOLDERS).statusCode()).isEqualTo(200));
        clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> refused = graph.get(FOLDERS);
        clock.advance(Duration.ofSeconds(5));
        HttpResponse<String> impatient = graph.get(FOLDERS);
        clock.advance(Duration.ofSeconds(46));
        HttpResponse<String> patient = graph.get(FOLDERS);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("50");
        assertThat(impatient.statusCode()).isEqualTo(429);
        assertThat(patient.statusCode()).isEqualTo(200);
        GraphMailboxCounters counters = graph.mail.counters(USER);
        assertThat(counters.throttled()).isEqualTo(2);
        assertThat(counters.requestsDuringRetryAfter()).isEqualTo(1);
        assertThat(counters.concurrencyThrottled()).isZero();
    }

    @Test
    void injectedFaultsAnswerTheNextCallsAndThenServiceResumes() {
        graph = GraphFixture.start();
        graph.mail.injectFaults(USER, 503, 2, Duration.ofSeconds(7));
        graph.mail.injectFaults(USER, 504, 1, null);

        List<HttpResponse<String>> responses = IntStream.range(0, 4).mapToObj(i -> graph.get(FOLDERS)).toList();

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(503, 503, 504, 200);
        assertThat(responses.get(0).headers().firstValue("Retry-After")).hasValue("7");
        assertThat(json(responses.get(0)).get("error").get("code").asText()).isEqualTo("serviceNotAvailable");
        assertThat(responses.get(2).headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void countersAreReadableOverTheControlApi() {
        graph = GraphFixture.start();
        graph.get(FOLDERS);
        graph.get(FOLDERS);

        var counters = json(graph.send("GET", "/_emulator/microsoft/mailboxes/" + USER + "/counters", null));

        assertThat(counters.get("requests").asLong()).isEqualTo(2);
        assertThat(counters.get("maxConcurrentRequests").asInt()).isEqualTo(1);
        assertThat(counters.get("requestsDuringRetryAfter").asLong()).isZero();
        assertThat(graph.send("POST", "/_emulator/microsoft/mailboxes/" + USER + "/counters/reset", null).statusCode())
                .isEqualTo(204);
        assertThat(graph.mail.counters(USER).requests()).isZero();
    }

    private List<HttpResponse<String>> concurrently(int count) {
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, count)
                .mapToObj(i -> graph.getAsync(FOLDERS)).toList();
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
