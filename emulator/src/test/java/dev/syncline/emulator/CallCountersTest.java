package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.fault.Fault;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.fault.FaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static dev.syncline.emulator.EmulatedProvider.GOOGLE;
import static dev.syncline.emulator.EmulatedProvider.MICROSOFT;
import static dev.syncline.emulator.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class CallCountersTest {

    private EmulatorServer server;
    private OAuthTestClient client;
    private final ExecutorService callers = Executors.newFixedThreadPool(20);

    @BeforeEach
    void start() {
        server = EmulatorServer.start(EmulatorConfig.forTests());
        client = new OAuthTestClient(server);
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        server.close();
    }

    @Test
    void tokenCallsAreCountedByGrantType() {
        String refreshToken = client.signIn(GOOGLE).get("refresh_token").asText();
        client.refresh(GOOGLE, refreshToken);
        client.refresh(GOOGLE, refreshToken);

        assertThat(server.control().authorizeCalls(GOOGLE)).isEqualTo(1);
        assertThat(server.control().tokenCalls(GOOGLE, "authorization_code")).isEqualTo(1);
        assertThat(server.control().tokenCalls(GOOGLE, "refresh_token")).isEqualTo(2);
        assertThat(server.control().tokenCalls(MICROSOFT, "refresh_token")).isZero();
    }

    @Test
    void failedCallsAreCountedToo() {
        server.control().injectFault(MICROSOFT, FaultEndpoint.TOKEN, FaultKind.HTTP_503, 1);

        client.refresh(MICROSOFT, "M.C5unknown");
        client.refresh(MICROSOFT, "M.C5unknown");

        assertThat(server.control().tokenCalls(MICROSOFT, "refresh_token")).isEqualTo(2);
    }

    @Test
    void revokeAndUserInfoCallsAreCounted() {
        JsonNode tokens = client.signIn(GOOGLE);
        client.getWithBearer("/v1/userinfo", tokens.get("access_token").asText());
        client.getWithBearer("/v1/userinfo", "ya29.unknown");
        client.postForm("/revoke", Map.of("token", tokens.get("refresh_token").asText()));

        assertThat(server.control().userInfoCalls(GOOGLE)).isEqualTo(2);
        assertThat(server.control().revokeCalls(GOOGLE)).isEqualTo(1);
    }

    @Test
    void concurrentRefreshesAreAllCountedAndTheirOverlapIsSeen() {
        int callersCount = 5;
        String refreshToken = client.signIn(MICROSOFT).get("refresh_token").asText();
        // Each call is held for a second, so all of them are in progress together.
        server.control().injectFault(MICROSOFT,
                Fault.of(FaultEndpoint.TOKEN, FaultKind.SLOW).times(callersCount).delayedBy(Duration.ofSeconds(1)));

        List<HttpResponse<String>> responses = inParallel(callersCount, () -> client.refresh(MICROSOFT, refreshToken));

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(server.control().tokenCalls(MICROSOFT, "refresh_token")).isEqualTo(callersCount);
        assertThat(server.control().maxConcurrentTokenCalls(MICROSOFT)).isEqualTo(callersCount);
    }

    @Test
    void manyConcurrentRefreshesLoseNoCount() {
        String refreshToken = client.signIn(GOOGLE).get("refresh_token").asText();
        server.control().resetCounters(GOOGLE);

        List<HttpResponse<String>> responses = inParallel(50, () -> client.refresh(GOOGLE, refreshToken));

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(server.control().tokenCalls(GOOGLE, "refresh_token")).isEqualTo(50);
        assertThat(server.control().maxConcurrentTokenCalls(GOOGLE)).isBetween(1, 50);
    }

    @Test
    void sequentialCallsNeverOverlap() {
        String refreshToken = client.signIn(GOOGLE).get("refresh_token").asText();
        client.refresh(GOOGLE, refreshToken);

        assertThat(server.control().maxConcurrentTokenCalls(GOOGLE)).isEqualTo(1);
    }

    @Test
    void resetCountersStartsFromZero() {
        client.signIn(GOOGLE);

        server.control().resetCounters(GOOGLE);

        assertThat(server.control().counters(GOOGLE).totalTokenCalls()).isZero();
        assertThat(server.control().authorizeCalls(GOOGLE)).isZero();
        assertThat(server.control().maxConcurrentTokenCalls(GOOGLE)).isZero();
    }

    @Test
    void countersAreReadableOverHttp() {
        String refreshToken = client.signIn(GOOGLE).get("refresh_token").asText();
        client.refresh(GOOGLE, refreshToken);

        JsonNode counters = json(client.get("/_emulator/google/counters", Map.of()));

        assertThat(counters.get("tokenCalls").get("authorization_code").asLong()).isEqualTo(1);
        assertThat(counters.get("tokenCalls").get("refresh_token").asLong()).isEqualTo(1);
        assertThat(counters.get("authorizeCalls").asLong()).isEqualTo(1);
        assertThat(counters.get("revokeCalls").asLong()).isZero();
        assertThat(counters.get("userInfoCalls").asLong()).isZero();
        assertThat(counters.get("maxConcurrentTokenCalls").asInt()).isEqualTo(1);
    }

    private <T> List<T> inParallel(int count, Supplier<T> call) {
        List<CompletableFuture<T>> futures = IntStream.range(0, count)
                .mapToObj(i -> CompletableFuture.supplyAsync(call, callers))
                .toList();
        return futures.stream().map(future -> future.orTimeout(30, TimeUnit.SECONDS).join()).toList();
    }
}
