package dev.syncline.api.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.security.JwtService;
import dev.syncline.api.testing.Admins;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.Users;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.AesGcm;
import dev.syncline.command.vault.AssociatedData;
import dev.syncline.command.vault.rotation.RewrapLock;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The key rotation admin API, and what a caller sees when an account's data key is on a retired version. */
class KeyRotationApiTest extends ApiIntegrationTest {

    private static final String PROBLEMS = "https://syncline.dev/problems/";
    private static final String ROTATION = "/api/v1/admin/key-rotation";
    private static final String RETIRED_VERSION = "k0-retired";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    JwtService jwtService;

    @Autowired
    DataSource dataSource;

    @Autowired
    EmulatorServer emulator;

    @Autowired
    KeyRingHealthIndicator keyRingHealth;

    @Test
    void onlyAdministratorsMayRotateOrSeeTheProgress() {
        ApiClient user = Users.registerAndLogIn(api(), "plain");

        for (ApiClient.Response answer : List.of(user.post(ROTATION, null), user.get(ROTATION))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().path("type").asText()).isEqualTo(PROBLEMS + "forbidden");
        }
        assertThat(api().get(ROTATION).status()).isEqualTo(401);
    }

    @Test
    void anAdministratorStartsTheRewrapJobAndFollowsItToCompletion() {
        ApiClient admin = admin();

        ApiClient.Response accepted = admin.post(ROTATION, null);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo(ROTATION);
        String jobId = accepted.json().path("jobId").asText();
        assertThat(jobId).startsWith("rewrap-");
        JsonNode done = await().atMost(WAIT).until(() -> admin.get(accepted.header("Location")).json(),
                progress -> progress.path("jobId").asText().equals(jobId) && progress.path("state").asText().equals("COMPLETED"));
        assertThat(done.path("activeKeyId").asText()).isEqualTo("k1");
        assertThat(done.path("remaining").asLong()).isZero();
        assertThat(done.path("failed").asLong()).isZero();
        long byVersion = 0;
        for (JsonNode count : done.path("keysByVersion")) {
            byVersion += count.asLong();
        }
        assertThat(done.path("total").asLong()).isEqualTo(byVersion);
        assertThat(done.path("startedAt").asText()).isNotBlank();
        assertThat(done.path("finishedAt").asText()).isNotBlank();
        assertThat(done.path("retiredVersions").isEmpty()).isTrue();
    }

    @Test
    void aSecondStartWhileTheJobRunsOnAnyNodeIsAConflict() {
        ApiClient admin = admin();
        RewrapLock lock = new RewrapLock(dataSource);
        // Another node's job, as far as this instance can tell: the same advisory lock, held by the test's own session.
        try (RewrapLock.Held otherNode = await().atMost(WAIT).until(lock::tryAcquire, Optional::isPresent).orElseThrow()) {
            ApiClient.Response refused = admin.post(ROTATION, null);

            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asText()).isEqualTo(PROBLEMS + "invalid-state");
            assertThat(refused.json().path("detail").asText()).contains("already running", ROTATION);
        }
        assertThat(admin.post(ROTATION, null).status()).isEqualTo(202);
    }

    @Test
    void anAccountOnARetiredKeyVersionAnswersAProblemAndTurnsTheKeyRingHealthDown() {
        ApiClient owner = Users.registerAndLogIn(api(), "retired");
        String email = "retired-" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.example";
        emulator.control().addUser(EmulatedProvider.GOOGLE, email, "Retired Key");
        String account = ConnectFlow.connect(owner, "google", email);
        await().atMost(WAIT).until(() -> owner.get("/api/v1/accounts/" + account).json().path("status").asText().equals("ACTIVE"));
        Map<String, Object> original = jdbc().sql("SELECT * FROM vault_data_key WHERE account_id = :account")
                .param("account", account).query().singleRow();
        try {
            wrapWithRetiredVersion(account, original);

            ApiClient.Response disconnect = owner.delete("/api/v1/accounts/" + account);
            JsonNode progress = admin().get(ROTATION).json();

            assertThat(disconnect.status()).as(disconnect.toString()).isEqualTo(503);
            assertThat(disconnect.header("Content-Type")).startsWith("application/problem+json");
            assertThat(disconnect.json().path("type").asText()).isEqualTo(PROBLEMS + "credentials-unreadable");
            assertThat(disconnect.json().path("detail").asText()).contains("key version", "administrator");
            assertThat(disconnect.body()).doesNotContain("Exception", "at dev.syncline");
            assertThat(progress.path("retiredVersions").path(RETIRED_VERSION).asLong()).isEqualTo(1);
            assertThat(keyRingHealth.health(true).getStatus()).isEqualTo(Status.DOWN);
            assertThat(keyRingHealth.health(true).getDetails()).containsEntry("retiredVersions", Map.of(RETIRED_VERSION, 1L));
        } finally {
            jdbc().sql("UPDATE vault_data_key SET kek_id = :kek, wrapped_key = :wrapped WHERE account_id = :account")
                    .param("kek", original.get("kek_id")).param("wrapped", original.get("wrapped_key"))
                    .param("account", account).update();
        }
        assertThat(keyRingHealth.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(owner.delete("/api/v1/accounts/" + account).status()).isEqualTo(204);
    }

    /** Re-wraps the account's data key under a version the key ring does not hold, as if it had been retired too early. */
    private void wrapWithRetiredVersion(String account, Map<String, Object> row) {
        byte[] retiredKey = new byte[32];
        byte[] someDataKey = new byte[32];
        new SecureRandom().nextBytes(retiredKey);
        new SecureRandom().nextBytes(someDataKey);
        AccountKey key = new AccountKey((String) row.get("workspace_id"), account);
        byte[] wrapped = new AesGcm().seal(RETIRED_VERSION, new SecretKeySpec(retiredKey, "AES"),
                AssociatedData.field(key, "data_key:" + row.get("data_key_id")), someDataKey);
        jdbc().sql("UPDATE vault_data_key SET kek_id = :kek, wrapped_key = :wrapped WHERE account_id = :account")
                .param("kek", RETIRED_VERSION).param("wrapped", wrapped).param("account", account).update();
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    private ApiClient admin() {
        return Admins.admin(api(), jwtService, "rotation-admin");
    }
}
