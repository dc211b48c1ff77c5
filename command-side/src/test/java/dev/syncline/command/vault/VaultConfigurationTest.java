package dev.syncline.command.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class VaultConfigurationTest {

    // Never connected to: wiring the vault must not touch the database.
    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withUserConfiguration(VaultConfiguration.class)
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/unused"));

    @TempDir
    Path directory;

    @Test
    void aConfiguredKeyRingWiresTheVault() {
        KeyRing ring = KeyRing.generate();

        contextRunner.withPropertyValues("syncline.vault.key-ring=" + KeyRingCodec.toJson(ring).replace("\n", ""))
                .run(context -> {
                    assertThat(context).hasNotFailed()
                            .hasSingleBean(CredentialVault.class)
                            .hasSingleBean(ContentSealer.class)
                            .hasSingleBean(DataKeyStore.class)
                            .hasSingleBean(TokenFingerprinter.class);
                    assertThat(context.getBean(KeyRing.class).activeKey()).isEqualTo(ring.activeKey());
                });
    }

    @Test
    void developmentGenerationIsSwitchedOnByProperty() {
        Path file = directory.resolve("key-ring.json");

        contextRunner.withPropertyValues("syncline.vault.generate-development-key-ring=true",
                        "syncline.vault.development-key-ring-file=" + file)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(KeyRing.class);
                    assertThat(file).exists();
                });
    }

    @Test
    void withoutAKeyRingTheApplicationRefusesToStartNamingTheVariable() {
        contextRunner.run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause()
                .isInstanceOf(KeyRingUnavailableException.class)
                .hasMessageContaining("SYNCLINE_VAULT_KEY_RING"));
    }
}
