package dev.syncline.api.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.SynclineApplication;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.AesGcm;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.DataKeyStore;
import dev.syncline.command.vault.KeyRing;
import dev.syncline.command.vault.KeyRingCodec;
import dev.syncline.command.vault.VaultTokens;
import dev.syncline.command.vault.rotation.RewrapLock;
import dev.syncline.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code java -jar syncline.jar rewrap-keys}: the command-line rewrap job, on a real PostgreSQL database. */
class RewrapKeysCommandTest {

    private static final String WORKSPACE = "workspace-cli";
    private static final int ACCOUNTS = 5;

    private static TestDatabase database;
    private static DriverManagerDataSource dataSource;

    private final KeyRing firstRing = KeyRing.generate();
    private final KeyRing rotatedRing = firstRing.rotate();

    @TempDir
    Path directory;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create("RewrapKeysCommandTest");
        dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void emptyTables() {
        jdbc().sql("TRUNCATE credential_vault, vault_data_key, vault_rewrap_job, vault_rewrap_failure").update();
    }

    @Test
    void theJarsMainWithRewrapKeysMovesEveryDataKeyAndExitsZero() throws Exception {
        storeAccounts(firstRing);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                SynclineApplication.class.getName(), RewrapKeysCommand.NAME));
        command.addAll(settings(rotatedRing));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(RewrapKeysCommand.COMPLETED);
        assertThat(output).contains("rewrap-keys: moving 5 of 5 data keys onto key-encryption key k2",
                "rewrap-keys: moved 5, could not open 0, 0 left off the active version",
                "rewrap-keys: COMPLETED: moved 5 data keys; keys by version now {k2=5}");
        assertThat(output).doesNotContain("Tomcat", keyMaterial(firstRing, "k1"), keyMaterial(rotatedRing, "k2"));
        assertThat(keysByVersion()).isEqualTo(Map.of("k2", (long) ACCOUNTS));
        KeyRing withoutFirstVersion = new KeyRing(Map.of("k2", rotatedRing.key("k2")), "k2", rotatedRing.fingerprintKey());
        for (int i = 0; i < ACCOUNTS; i++) {
            assertThat(vault(withoutFirstVersion).load(account(i))).contains(tokens(i));
        }
    }

    @Test
    void aDataKeyOnARetiredVersionFailsTheCommandNamingItsAccount() throws IOException {
        storeAccounts(firstRing);
        KeyRing retiredTooEarly = new KeyRing(Map.of("k2", rotatedRing.key("k2")), "k2", rotatedRing.fingerprintKey());
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int status = RewrapKeysCommand.run(settings(retiredTooEarly).toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isEqualTo(RewrapKeysCommand.FAILED);
        assertThat(printed).contains("rewrap-keys: FAILED", "versions the key ring no longer holds: {k1=5}",
                "could not open the data key of account cli-account-0 (workspace workspace-cli, version k1)",
                "5 data key(s) could not be opened");
        assertThat(keysByVersion()).isEqualTo(Map.of("k1", (long) ACCOUNTS));
    }

    @Test
    void theCommandRefusesToRunWhileAJobRunsElsewhere() throws IOException {
        storeAccounts(firstRing);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (RewrapLock.Held otherInstance = new RewrapLock(dataSource).tryAcquire().orElseThrow()) {
            status = RewrapKeysCommand.run(settings(rotatedRing).toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
        }

        assertThat(status).isEqualTo(RewrapKeysCommand.ALREADY_RUNNING);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("already running");
        assertThat(keysByVersion()).isEqualTo(Map.of("k1", (long) ACCOUNTS));
    }

    @Test
    void theCommandStartsNeitherAWebServerNorAxonNorItsEventProcessors() throws IOException {
        try (ConfigurableApplicationContext context = RewrapKeysCommand.start(settings(rotatedRing).toArray(String[]::new))) {
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeanNamesForType(EventProcessingConfiguration.class)).isEmpty();
            assertThat(context.getBeanNamesForType(org.axonframework.config.Configuration.class)).isEmpty();
        }
    }

    @Test
    void withoutADatabaseOrKeyRingTheCommandCannotStart() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int status = RewrapKeysCommand.run(new String[] {"--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--syncline.vault.generate-development-key-ring=false"}, new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(RewrapKeysCommand.CANNOT_START);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("cannot start", "No key ring is configured");
    }

    private List<String> settings(KeyRing ring) throws IOException {
        Path keyRingFile = directory.resolve("key-ring-" + ring.activeKeyId() + "-" + ring.keyIds().size() + ".json");
        Files.writeString(keyRingFile, KeyRingCodec.toJson(ring));
        return List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--syncline.data-dir=" + directory,
                "--syncline.vault.key-ring=file:" + keyRingFile,
                "--syncline.vault.rewrap.batch-size=10");
    }

    private void storeAccounts(KeyRing ring) {
        for (int i = 0; i < ACCOUNTS; i++) {
            vault(ring).store(account(i), "google", tokens(i));
        }
    }

    private static AccountKey account(int i) {
        return new AccountKey(WORKSPACE, "cli-account-" + i);
    }

    private static VaultTokens tokens(int i) {
        return new VaultTokens("ya29.CANARY-cli-" + i, "1//0CANARY-cli-" + i, Instant.parse("2026-03-01T10:00:00Z"), Set.of("openid"));
    }

    private static CredentialVault vault(KeyRing ring) {
        AesGcm aesGcm = new AesGcm();
        return new CredentialVault(jdbc(), new DataKeyStore(jdbc(), ring, aesGcm), aesGcm);
    }

    private static Map<String, Long> keysByVersion() {
        return new DataKeyStore(jdbc(), KeyRing.generate(), new AesGcm()).countByKeyEncryptionKey();
    }

    private static String keyMaterial(KeyRing ring, String keyId) {
        return Base64.getEncoder().encodeToString(ring.key(keyId).getEncoded());
    }

    private static JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
