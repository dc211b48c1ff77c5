package dev.syncline.api.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncline.api.SynclineApplication;
import dev.syncline.api.security.JwtSigningKeys;
import dev.syncline.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile never invents keys: without them it refuses to start and names what is missing. */
class ProductionProfileTest {

    private TestDatabase database;

    @TempDir
    Path dataDir;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create("prod");
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Test
    void withNothingGivenTheProductionProfileNamesEveryMissingVariableAtOnce() {
        assertThatThrownBy(() -> start("--spring.datasource.url=").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("DATABASE_URL", "REDIS_URL", "SYNCLINE_VAULT_KEY_RING", "SYNCLINE_JWT_SIGNING_KEYS");
    }

    @Test
    void eachMissingVariableIsNamedOnItsOwn() {
        for (String variable : ProductionSettingsCheck.REQUIRED.keySet()) {
            List<String> others = ProductionSettingsCheck.REQUIRED.entrySet().stream()
                    .filter(setting -> !setting.getKey().equals(variable))
                    .map(setting -> "--" + setting.getValue() + "=" + given(setting.getKey()))
                    .collect(Collectors.toCollection(ArrayList::new));
            others.add("--" + ProductionSettingsCheck.REQUIRED.get(variable) + "=");

            assertThatThrownBy(() -> start(others.toArray(String[]::new)).close())
                    .as(variable)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The prod profile cannot start without " + variable + " (");
        }
    }

    @Test
    void developmentKeysOrTheEmulatorAreRefusedInProduction() {
        List<String> all = allRequired();
        all.addAll(List.of("--syncline.providers.google.client-id=client", "--syncline.providers.google.client-secret=secret",
                "--syncline.emulator.enabled=true"));

        assertThatThrownBy(() -> start(all.toArray(String[]::new)).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("syncline.emulator.enabled must be false");
    }

    @Test
    void withoutAnyProviderClientRegistrationNobodyCouldConnectAnAccount() {
        assertThatThrownBy(() -> start(allRequired().toArray(String[]::new)).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The prod profile cannot start without a provider's client registration (GOOGLE_CLIENT_ID and"
                        + " GOOGLE_CLIENT_SECRET, or MICROSOFT_CLIENT_ID and MICROSOFT_CLIENT_SECRET, or both). Set them as"
                        + " environment variables; README.md, Configuration, says what each holds.");
    }

    @Test
    void aClientIdWithoutItsSecretNamesTheSecret() {
        List<String> all = allRequired();
        all.add("--syncline.providers.microsoft.client-id=client");

        assertThatThrownBy(() -> start(all.toArray(String[]::new)).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The prod profile cannot start without MICROSOFT_CLIENT_SECRET"
                        + " (syncline.providers.microsoft.client-secret, given MICROSOFT_CLIENT_ID).");
    }

    private List<String> allRequired() {
        return ProductionSettingsCheck.REQUIRED.entrySet().stream()
                .map(setting -> "--" + setting.getValue() + "=" + given(setting.getKey()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** A well-formed value for each required variable, so that only the one left out is missing. */
    private String given(String variable) {
        return switch (variable) {
            case "DATABASE_URL" -> database.url();
            case "REDIS_URL" -> "redis://127.0.0.1:6379";
            case "SYNCLINE_JWT_SIGNING_KEYS" -> JwtSigningKeys.generate("test-1").toJson();
            default -> "file:" + dataDir.resolve("key-ring.json");
        };
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=prod",
                "--server.port=0",
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--syncline.data-dir=" + dataDir));
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(SynclineApplication.class).run(arguments.toArray(String[]::new));
    }
}
