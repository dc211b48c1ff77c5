package dev.syncline.command.vault;

import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the credential vault from {@code syncline.vault.*} onto the application data source, so
 * that vault writes share the transaction of the Axon unit of work.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaultProperties.class)
public class VaultConfiguration {

    @Bean
    KeyRing vaultKeyRing(VaultProperties properties) {
        return KeyRingLoader.load(properties);
    }

    @Bean
    AesGcm vaultAesGcm() {
        return new AesGcm();
    }

    @Bean
    DataKeyStore vaultDataKeyStore(DataSource dataSource, KeyRing vaultKeyRing, AesGcm vaultAesGcm) {
        return new DataKeyStore(JdbcClient.create(dataSource), vaultKeyRing, vaultAesGcm);
    }

    @Bean
    CredentialVault credentialVault(DataSource dataSource, DataKeyStore vaultDataKeyStore, AesGcm vaultAesGcm) {
        return new CredentialVault(JdbcClient.create(dataSource), vaultDataKeyStore, vaultAesGcm);
    }

    @Bean
    ContentSealer contentSealer(DataKeyStore vaultDataKeyStore, AesGcm vaultAesGcm) {
        return new ContentSealer(vaultDataKeyStore, vaultAesGcm);
    }

    @Bean
    TokenFingerprinter tokenFingerprinter(KeyRing vaultKeyRing) {
        return new TokenFingerprinter(vaultKeyRing);
    }
}
