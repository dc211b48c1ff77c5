package dev.syncline.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.Users;
import dev.syncline.command.token.cache.AccessTokenCache;
import dev.syncline.command.token.cache.KnownAccounts;
import dev.syncline.command.vault.StoredAccount;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.messages.account.FindValidAccessTokenQuery;
import dev.syncline.messages.account.ValidAccessToken;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The token cache as the application wires it: written through by the real commands, read by the real query. */
class TokenCacheApiTest extends ApiIntegrationTest {

    @Autowired
    EmulatorServer emulator;

    @Autowired
    QueryGateway queries;

    @Autowired
    AccessTokenCache cache;

    @Autowired
    KnownAccounts accounts;

    @Autowired
    MeterRegistry meters;

    @Test
    void connectingAnAccountWritesItsTokenThroughSoTheFirstLookupNeedsNoVaultRead() {
        ApiClient user = Users.registerAndLogIn(api(), "token-cache");
        String accountId = connect(user);
        StoredAccount stored = accounts.find(accountId).orElseThrow();
        assertThat(cache.find(stored)).as("written through when the connect committed").isPresent();
        double inProcessHitsBefore = requests("in-process", "hit");
        double vaultReadsBefore = requests("vault", "hit");

        ValidAccessToken token = queries.query(new FindValidAccessTokenQuery(accountId), ValidAccessToken.class).join();

        assertThat(requests("in-process", "hit") - inProcessHitsBefore).isEqualTo(1);
        assertThat(requests("vault", "hit") - vaultReadsBefore).isZero();
        assertThat(token.accessToken()).isEqualTo(cache.find(stored).orElseThrow().accessToken());
    }

    @Test
    void disconnectingAnAccountEvictsItsToken() {
        ApiClient user = Users.registerAndLogIn(api(), "token-cache-disconnect");
        String accountId = connect(user);
        StoredAccount stored = accounts.find(accountId).orElseThrow();
        // The account list is a projection: the account is there for the user once it has caught up.
        await().atMost(Duration.ofSeconds(10)).until(() -> user.get("/api/v1/accounts/" + accountId).status() == 200);

        assertThat(user.delete("/api/v1/accounts/" + accountId).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).until(() -> cache.find(stored).isEmpty());
    }

    private String connect(ApiClient user) {
        String email = "cache-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        emulator.control().addUser(EmulatedProvider.GOOGLE, email, "Cache");
        return ConnectFlow.connect(user, "google", email);
    }

    private double requests(String level, String result) {
        return meters.get("syncline.token.cache.requests").tag("level", level).tag("result", result).counter().count();
    }
}
