package dev.syncline.sagas.schedule;

import dev.syncline.testing.TestDatabase;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh PostgreSQL database holding the {@code sync_schedule} table, created by this module's own Flyway
 * migration (the table stands alone, so no other module's scripts are needed), and a way to read its rows.
 */
final class ScheduleTestDatabase implements AutoCloseable {

    /** One row of the schedule. */
    record Row(String accountId, String channel, String workspaceId, String ownerId, String provider, Instant nextRunAt,
               String trigger, boolean paused) {
    }

    private final TestDatabase database;
    private final DataSource dataSource;

    ScheduleTestDatabase(String label) {
        database = TestDatabase.create(label);
        dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    Optional<Row> row(String accountId, String channel) {
        return jdbc().sql("""
                        SELECT account_id, channel, workspace_id, owner_id, provider, next_run_at, run_trigger, paused
                        FROM sync_schedule WHERE account_id = :account AND channel = :channel""")
                .param("account", accountId)
                .param("channel", channel)
                .query((rs, n) -> new Row(rs.getString("account_id"), rs.getString("channel"), rs.getString("workspace_id"),
                        rs.getString("owner_id"), rs.getString("provider"), rs.getTimestamp("next_run_at").toInstant(),
                        rs.getString("run_trigger"), rs.getBoolean("paused")))
                .optional();
    }

    long rows() {
        return jdbc().sql("SELECT count(*) FROM sync_schedule").query(Long.class).single();
    }

    void clear() {
        jdbc().sql("TRUNCATE sync_schedule").update();
    }

    @Override
    public void close() {
        database.drop();
    }
}
