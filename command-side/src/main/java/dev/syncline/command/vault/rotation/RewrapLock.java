package dev.syncline.command.vault.rotation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The cluster-wide lock that lets one rewrap job run at a time: a PostgreSQL session advisory lock held
 * on a connection of its own for as long as the job runs. If the node dies, PostgreSQL ends the session
 * and frees the lock, which is how a RUNNING job record is recognised as abandoned.
 *
 * <p>The two-integer form keeps it apart from the one-bigint locks other code takes on hashed keys.
 */
public class RewrapLock {

    /** "SYNC" in ASCII: the class of Syncline's named advisory locks. */
    static final int LOCK_CLASS = 0x53594E43;
    /** The rewrap job within that class. */
    static final int LOCK_ID = 1;

    private final DataSource dataSource;

    public RewrapLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lock if no session holds it; the returned lock must be closed to free it and its connection. */
    public Optional<Held> tryAcquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            // Autocommit: a session lock must not wait on (or vanish with) a transaction of this connection.
            connection.setAutoCommit(true);
            if (query(connection, "SELECT pg_try_advisory_lock(?, ?)")) {
                return Optional.of(new Held(connection));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DataAccessResourceFailureException("Cannot take the rewrap job's advisory lock", e);
        }
    }

    /** Whether any session, on any node, holds the lock now. */
    public boolean isHeld() {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, """
                    SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
                        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2)""");
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot read the rewrap job's advisory lock", e);
        }
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, LOCK_ID);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already failing; the first error is the one worth reporting.
            }
        }
    }

    /** The lock, held by this process until closed. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try {
                // Unlocked before the connection goes back to the pool, where the session would keep it.
                query(connection, "SELECT pg_advisory_unlock(?, ?)");
            } catch (SQLException e) {
                // A broken connection: PostgreSQL frees the lock when its session ends.
            } finally {
                closeQuietly(connection);
            }
        }
    }
}
