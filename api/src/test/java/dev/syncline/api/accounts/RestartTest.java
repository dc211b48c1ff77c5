package dev.syncline.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.StandaloneApplication;
import dev.syncline.api.testing.Users;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.messages.account.FindValidAccessTokenQuery;
import dev.syncline.messages.account.ValidAccessToken;
import dev.syncline.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stop the application and start it again on the same database and data directory: the accounts, the
 * tokens (still decryptable with the same key ring), the audit trail and the user's session are all
 * there. The emulator runs outside the application here, as a real provider would.
 */
class RestartTest {

    private TestDatabase database;
    private EmulatorServer emulator;

    @TempDir
    Path dataDir;

    @BeforeEach
    void startDatabaseAndProvider() {
        database = TestDatabase.create("restart");
        emulator = EmulatorServer.start(EmulatorConfig.forTests());
    }

    @AfterEach
    void stopDatabaseAndProvider() {
        emulator.close();
        database.drop();
    }

    @Test
    void accountsTokensAndAuditSurviveARestart() {
        String accountId;
        String accessToken;
        ApiClient user;
        List<String> auditBefore;
        try (ConfigurableApplicationContext first = startApplication()) {
            user = Users.registerAndLogIn(api(first), "restart");
            accountId = ConnectFlow.connect(user, "google", demoUser());
            auditBefore = awaitAudit(user, accountId, 2);
            accessToken = validToken(first, accountId).accessToken();
        }

        try (ConfigurableApplicationContext second = startApplication()) {
            ApiClient sameUser = api(second).as(user.bearer());
            assertThat(sameUser.get("/api/v1/accounts/" + accountId).json().path("status").asText()).isEqualTo("ACTIVE");
            assertThat(validToken(second, accountId).accessToken()).isEqualTo(accessToken);
            assertThat(awaitAudit(sameUser, accountId, 2)).isEqualTo(auditBefore);

            ApiClient.Response refreshed = sameUser.post("/api/v1/accounts/" + accountId + "/token/refresh", null);
            assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
            assertThat(awaitAudit(sameUser, accountId, 3)).startsWith(auditBefore.toArray(String[]::new)).hasSize(3);
        }
    }

    private ConfigurableApplicationContext startApplication() {
        return StandaloneApplication.start(database, dataDir, emulator);
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return StandaloneApplication.api(context);
    }

    private static ValidAccessToken validToken(ConfigurableApplicationContext context, String accountId) {
        return context.getBean(QueryGateway.class).query(new FindValidAccessTokenQuery(accountId), ValidAccessToken.class).join();
    }

    private String demoUser() {
        return emulator.config().provider(EmulatedProvider.GOOGLE).users().get(0).email();
    }

    private static List<String> awaitAudit(ApiClient user, String accountId, int entries) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> lines = new ArrayList<>();
            ApiClient.Response response = user.get("/api/v1/accounts/" + accountId + "/audit");
            if (response.status() == 200) {
                response.json().forEach(entry -> lines.add(entry.path("position").asText() + " " + entry.path("type").asText()
                        + " " + entry.path("occurredAt").asText()));
            }
            return lines;
        }, lines -> lines.size() >= entries);
    }
}
