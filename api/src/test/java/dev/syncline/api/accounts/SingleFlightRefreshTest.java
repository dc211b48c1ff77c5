package dev.syncline.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.Users;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.messages.account.FindValidAccessTokenQuery;
import dev.syncline.messages.account.ValidAccessToken;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fifty callers need a valid token at once for an account whose token is within the refresh buffer:
 * the provider's token endpoint sees exactly one refresh, and every caller gets the same new token.
 */
class SingleFlightRefreshTest extends ApiIntegrationTest {

    private static final int CALLERS = 50;

    @Autowired
    EmulatorServer emulator;

    @Autowired
    QueryGateway queries;

    @ParameterizedTest
    @EnumSource(EmulatedProvider.class)
    void fiftyConcurrentCallersCauseOneProviderRefresh(EmulatedProvider provider) throws Exception {
        ApiClient user = Users.registerAndLogIn(api(), "single-flight");
        String email = "flight-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        emulator.control().addUser(provider, email, "Flight");
        // Tokens issued with two minutes to live are inside the five-minute refresh buffer at once.
        emulator.control().setAccessTokenLifetime(provider, Duration.ofMinutes(2));
        String accountId;
        try {
            accountId = ConnectFlow.connect(user, provider.name().toLowerCase(), email);
        } finally {
            emulator.control().setAccessTokenLifetime(provider, Duration.ofHours(1));
        }
        long refreshesBefore = emulator.control().tokenCalls(provider, "refresh_token");

        List<ValidAccessToken> tokens = concurrently(CALLERS,
                () -> queries.query(new FindValidAccessTokenQuery(accountId), ValidAccessToken.class).join());

        assertThat(emulator.control().tokenCalls(provider, "refresh_token") - refreshesBefore).isEqualTo(1);
        assertThat(tokens).hasSize(CALLERS);
        assertThat(tokens.stream().map(ValidAccessToken::accessToken).distinct()).hasSize(1);
        assertThat(tokens.get(0).expiresAt()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(30)));
    }

    private static <T> List<T> concurrently(int callers, java.util.function.Supplier<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<T>> futures = IntStream.range(0, callers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                        return call.get();
                    }, pool))
                    .toList();
            start.countDown();
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }
}
