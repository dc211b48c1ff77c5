package dev.syncline.api.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncline.api.SynclineApplication;
import dev.syncline.api.security.JwtSigningKeys;
import dev.syncline.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void withoutJwtSigningKeysTheProductionProfileRefusesToStartAndNamesTheVariable() {
        assertThatThrownBy(() -> start().close())
                .rootCause()
                .hasMessageContaining("SYNCLINE_JWT_SIGNING_KEYS");
    }

    @Test
    void withoutAKeyRingTheProductionProfileRefusesToStartAndNamesTheVariable() {
        String jwtKeys = JwtSigningKeys.generate("test-1").toJson();

        assertThatThrownBy(() -> start("--syncline.security.jwt.signing-keys=" + jwtKeys).close())
                .rootCause()
                .hasMessageContaining("SYNCLINE_VAULT_KEY_RING");
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=prod",
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--syncline.data-dir=" + dataDir));
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(SynclineApplication.class).run(arguments.toArray(String[]::new));
    }
}
