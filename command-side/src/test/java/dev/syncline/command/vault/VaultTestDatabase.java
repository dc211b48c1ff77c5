package dev.syncline.command.vault;

import dev.syncline.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh PostgreSQL database migrated with the classpath Flyway scripts, and vault parts built on it. */
public final class VaultTestDatabase implements AutoCloseable {

    private final TestDatabase database;
    private final DriverManagerDataSource dataSource;

    private VaultTestDatabase(TestDatabase database) {
        this.database = database;
        this.dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    public static VaultTestDatabase create(String label) {
        return new VaultTestDatabase(TestDatabase.create(label));
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** The vault's parts over this database, with the given key ring. */
    public Vault vault(KeyRing keyRing) {
        AesGcm aesGcm = new AesGcm();
        DataKeyStore dataKeys = new DataKeyStore(jdbc(), keyRing, aesGcm);
        return new Vault(dataKeys, new CredentialVault(jdbc(), dataKeys, aesGcm), new ContentSealer(dataKeys, aesGcm));
    }

    void clear() {
        jdbc().sql("TRUNCATE credential_vault, vault_data_key").update();
    }

    long count(String table, String accountId) {
        return jdbc().sql("SELECT count(*) FROM " + table + " WHERE account_id = :account")
                .param("account", accountId).query(Long.class).single();
    }

    @Override
    public void close() {
        database.drop();
    }

    public record Vault(DataKeyStore dataKeys, CredentialVault credentials, ContentSealer sealer) {
    }
}
