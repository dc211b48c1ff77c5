package dev.syncline.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.DebugLogs;
import dev.syncline.api.testing.Users;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.VaultTokens;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.fault.FaultKind;
import dev.syncline.messages.account.FindValidAccessTokenQuery;
import dev.syncline.messages.account.ValidAccessToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Known provider tokens (read back from the vault as they are issued, refreshed and rotated) never
 * appear in the event store's payloads or metadata, in the read models, in any HTTP response, or in
 * the logs at DEBUG, including the messages and stack traces of logged exceptions, across the whole
 * token lifecycle and its failure paths.
 */
class SecretCanaryTest extends ApiIntegrationTest {

    private static final List<String> LOUD_LOGGERS = List.of("dev.syncline", "org.axonframework",
            "org.springframework.security", "org.springframework.web", "org.springframework.jdbc", "org.springframework.transaction");

    @Autowired
    EmulatorServer emulator;

    @Autowired
    CredentialVault vault;

    @Autowired
    QueryGateway queries;

    @Autowired
    JdbcClient jdbc;

    private DebugLogs logs;
    private final Set<String> canaries = new LinkedHashSet<>();
    private final List<ApiClient.Response> responses = new ArrayList<>();

    @BeforeEach
    void captureLogsAtDebug() {
        logs = DebugLogs.capture(LOUD_LOGGERS);
    }

    @AfterEach
    void restoreLogs() {
        logs.stop();
    }

    @Test
    void providerTokensNeverLeaveTheVault() {
        ApiClient user = Users.registerAndLogIn(api(), "canary");
        String googleEmail = emulatorUser(EmulatedProvider.GOOGLE);
        String microsoftEmail = emulatorUser(EmulatedProvider.MICROSOFT);

        String google = record(ConnectFlow.callback(user, "google", ConnectFlow.authorize(user, "google", googleEmail)))
                .json().path("accountId").asText();
        String microsoft = record(ConnectFlow.callback(user, "microsoft", ConnectFlow.authorize(user, "microsoft", microsoftEmail)))
                .json().path("accountId").asText();
        AccountLifecycleEndToEndTest.awaitAccount(user, google, view -> true);
        AccountLifecycleEndToEndTest.awaitAccount(user, microsoft, view -> true);
        remember(google, microsoft);

        record(user.post("/api/v1/accounts/" + google + "/token/refresh", null));
        record(user.post("/api/v1/accounts/" + microsoft + "/token/refresh", null));
        remember(google, microsoft);
        canaries.add(queries.query(new FindValidAccessTokenQuery(microsoft), ValidAccessToken.class).join().accessToken());

        emulator.control().injectFault(EmulatedProvider.MICROSOFT, FaultEndpoint.TOKEN, FaultKind.HTTP_503, 3);
        record(user.post("/api/v1/accounts/" + microsoft + "/token/refresh", null));
        emulator.control().revokeGrants(EmulatedProvider.GOOGLE, googleEmail);
        record(user.post("/api/v1/accounts/" + google + "/token/refresh", null));
        record(user.post("/api/v1/accounts/" + google + "/token/refresh", null));

        record(user.get("/api/v1/accounts"));
        record(user.get("/api/v1/accounts/" + google));
        AccountLifecycleEndToEndTest.awaitAuditTypes(user, google, 5);
        AccountLifecycleEndToEndTest.awaitAuditTypes(user, microsoft, 6);
        record(user.get("/api/v1/accounts/" + google + "/audit"));
        record(user.get("/api/v1/accounts/" + microsoft + "/audit"));
        record(user.delete("/api/v1/accounts/" + microsoft));

        assertThat(canaries).hasSizeGreaterThanOrEqualTo(6);
        for (String token : canaries) {
            assertThat(eventStoreText()).as("event store").doesNotContain(token);
            assertThat(readModelText()).as("read models").doesNotContain(token);
            assertThat(responses).as("HTTP responses").noneMatch(response -> (response.body() + response.headers()).contains(token));
            assertThat(logText()).as("logs at DEBUG").doesNotContain(token);
        }
        assertThat(logs.events()).as("the logs were really captured").isNotEmpty();
    }

    @Test
    void sessionTokensAppearOnlyInTheAnswersThatHandThemOut() {
        String email = "canary-session-" + UUID.randomUUID().toString().substring(0, 8) + "@syncline.test";
        record(api().post("/api/v1/auth/register", ApiClient.body("email", email, "password", Users.PASSWORD)));
        ApiClient.Response login = api().post("/api/v1/auth/login", ApiClient.body("email", email, "password", Users.PASSWORD));
        ApiClient.Response other = api().post("/api/v1/auth/login", ApiClient.body("email", email, "password", Users.PASSWORD));
        ApiClient.Response rotated = refresh(login);
        ApiClient.Response reused = record(refresh(login));
        ApiClient.Response otherRotated = refresh(other);
        ApiClient user = api().as(token(otherRotated, "accessToken"));
        record(api().post("/api/v1/auth/refresh", ApiClient.body("refreshToken", token(rotated, "refreshToken") + "x")));
        record(api().as(token(rotated, "accessToken")).get("/api/v1/auth/me"));
        record(user.get("/api/v1/auth/sessions"));
        await().atMost(Duration.ofSeconds(10)).until(() -> record(user.get("/api/v1/auth/audit")).json().size() >= 5);
        record(user.post("/api/v1/auth/logout-all", null));
        record(user.get("/api/v1/auth/me"));
        for (ApiClient.Response handedOut : List.of(login, other, rotated, otherRotated)) {
            canaries.add(token(handedOut, "accessToken"));
            canaries.add(token(handedOut, "refreshToken"));
            canaries.add(token(handedOut, "refreshToken").substring("srt_".length()));
        }

        assertThat(reused.status()).isEqualTo(401);
        for (String token : canaries) {
            assertThat(eventStoreText()).as("event store").doesNotContain(token);
            assertThat(sessionModelText()).as("session read models").doesNotContain(token);
            assertThat(responses).as("other HTTP responses").noneMatch(response -> (response.body() + response.headers()).contains(token));
            assertThat(logText()).as("logs at DEBUG").doesNotContain(token);
        }
        assertThat(logs.events()).as("the logs were really captured").isNotEmpty();
    }

    private ApiClient.Response refresh(ApiClient.Response tokens) {
        return api().post("/api/v1/auth/refresh", ApiClient.body("refreshToken", token(tokens, "refreshToken")));
    }

    private static String token(ApiClient.Response tokens, String field) {
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        return tokens.json().path(field).asText();
    }

    private String sessionModelText() {
        return String.join("\n", jdbc.sql("""
                SELECT row_to_json(a)::text FROM user_session a
                UNION ALL SELECT row_to_json(b)::text FROM session_audit b
                UNION ALL SELECT row_to_json(c)::text FROM session_registry c
                """).query(String.class).list());
    }

    private void remember(String... accountIds) {
        for (String accountId : accountIds) {
            VaultTokens tokens = vault.load(vault.findAccount(accountId).orElseThrow().key()).orElseThrow();
            canaries.add(tokens.accessToken());
            canaries.add(tokens.refreshToken());
        }
    }

    private ApiClient.Response record(ApiClient.Response response) {
        responses.add(response);
        return response;
    }

    private String emulatorUser(EmulatedProvider provider) {
        String email = "canary-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        emulator.control().addUser(provider, email, "Canary");
        return email;
    }

    private String eventStoreText() {
        return String.join("\n", jdbc.sql("""
                SELECT convert_from(payload, 'UTF8') || coalesce(convert_from(metadata, 'UTF8'), '') FROM domainevententry
                UNION ALL SELECT convert_from(payload, 'UTF8') || coalesce(convert_from(metadata, 'UTF8'), '') FROM snapshotevententry
                UNION ALL SELECT convert_from(payload, 'UTF8') || coalesce(convert_from(metadata, 'UTF8'), '') FROM deadletterentry
                """).query(String.class).list());
    }

    private String readModelText() {
        return String.join("\n", jdbc.sql("""
                SELECT row_to_json(a)::text FROM connected_account a
                UNION ALL SELECT row_to_json(b)::text FROM account_audit b
                """).query(String.class).list());
    }

    private String logText() {
        return logs.text();
    }
}
