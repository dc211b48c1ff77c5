package dev.syncline.command.sync;

import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.AesGcm;
import dev.syncline.command.vault.ContentSealer;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.DataKeyStore;
import dev.syncline.command.vault.KeyRing;
import dev.syncline.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real sealing parts a channel's page handlers use: data keys in the credential vault's tables on a
 * fresh PostgreSQL database (migrated by the classpath Flyway scripts), and a {@link PageSealer} over them.
 */
final class SealingTestBed implements AutoCloseable {

    private final TestDatabase database;
    final DataKeyStore dataKeys;
    final CredentialVault vault;
    final PageSealer sealer;

    SealingTestBed(String label) {
        database = TestDatabase.create(label);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        AesGcm aesGcm = new AesGcm();
        dataKeys = new DataKeyStore(jdbc, KeyRing.generate(), aesGcm);
        vault = new CredentialVault(jdbc, dataKeys, aesGcm);
        sealer = new PageSealer(new ContentSealer(dataKeys, aesGcm));
    }

    /** Gives the account its data key, as connecting it does. */
    void connect(AccountKey account) {
        dataKeys.createIfAbsent(account);
    }

    /** Destroys the account's data key, as disconnecting it does. */
    void disconnect(AccountKey account) {
        vault.shred(account);
    }

    @Override
    public void close() {
        database.drop();
    }
}
