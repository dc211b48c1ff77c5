package dev.syncline.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database on the real PostgreSQL server the test command starts, one per caller.
 * Tests never share tables, so they can run in any order and leave no state behind that matters.
 *
 * <p>The server is {@code SYNCLINE_TEST_DATABASE_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}),
 * user {@code SYNCLINE_TEST_DATABASE_USER} (default {@code postgres}), password
 * {@code SYNCLINE_TEST_DATABASE_PASSWORD} (default {@code postgres}).
 */
public final class TestDatabase {

    private static final String SERVER_URL = env("SYNCLINE_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("SYNCLINE_TEST_DATABASE_USER", "postgres");
    private static final String PASSWORD = env("SYNCLINE_TEST_DATABASE_PASSWORD", "postgres");

    private final String name;
    private final String url;

    private TestDatabase(String name) {
        this.name = name;
        this.url = SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + name;
    }

    /** Creates a new database whose name starts with the given label, for instance the test class. */
    public static TestDatabase create(String label) {
        String safeLabel = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        String name = "syncline_t_" + safeLabel.substring(0, Math.min(30, safeLabel.length()))
                + "_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    public String url() {
        return url;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public String name() {
        return name;
    }

    /** Drops the database, ending whatever connections are still open on it. */
    public void drop() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test PostgreSQL at " + SERVER_URL
                    + " (run the README's test command, which starts it): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
