package dev.syncline.query.sealed;

import dev.syncline.testing.TestDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh database on the test PostgreSQL with every query-side migration applied. */
public final class ContentDatabase {

    private final TestDatabase database;
    private final DriverManagerDataSource dataSource;

    private ContentDatabase(TestDatabase database) {
        this.database = database;
        this.dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
    }

    public static ContentDatabase create(String label) {
        TestDatabase database = TestDatabase.create(label);
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
        return new ContentDatabase(database);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** A digest of every column of every row of the table, in id order: equal digests, equal tables. */
    public String checksum(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        return jdbc().sql("SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), 'empty') FROM " + table + " t")
                .query(String.class).single();
    }

    public long count(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        return jdbc().sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    public void drop() {
        database.drop();
    }
}
