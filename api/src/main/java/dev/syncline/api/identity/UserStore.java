package dev.syncline.api.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code workspace} and {@code app_user} tables, over JDBC. Emails are looked up lower-cased. */
@Repository
public class UserStore {

    private static final String COLUMNS = "id, workspace_id, email, display_name, password_hash, roles, created_at";

    private final JdbcClient jdbc;

    public UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The email as it is stored and compared: trimmed and lower-cased. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<UserAccount> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE email = :email")
                .param("email", normalizeEmail(email))
                .query(UserStore::map)
                .optional();
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
                .param("id", id)
                .query(UserStore::map)
                .optional();
    }

    /** The users of a workspace, oldest first. */
    public List<UserAccount> findByWorkspace(UUID workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE workspace_id = :workspaceId ORDER BY created_at, id")
                .param("workspaceId", workspaceId)
                .query(UserStore::map)
                .list();
    }

    /**
     * Creates a workspace of the given name and its first user, in one transaction.
     *
     * @throws DuplicateKeyException when the email is registered already (nothing is created then)
     */
    @Transactional
    public UserAccount createWithWorkspace(String workspaceName, String email, String displayName, String passwordHash,
                                           Collection<String> roles) {
        UUID workspaceId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        jdbc.sql("INSERT INTO workspace (id, name) VALUES (:id, :name)")
                .param("id", workspaceId)
                .param("name", workspaceName)
                .update();
        jdbc.sql("""
                        INSERT INTO app_user (id, workspace_id, email, display_name, password_hash, roles)
                        VALUES (:id, :workspaceId, :email, :displayName, :passwordHash, string_to_array(:roles, ','))""")
                .param("id", userId)
                .param("workspaceId", workspaceId)
                .param("email", normalizeEmail(email))
                .param("displayName", displayName)
                .param("passwordHash", passwordHash)
                .param("roles", String.join(",", roles))
                .update();
        return findById(userId).orElseThrow();
    }

    public void updatePasswordHash(UUID userId, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE id = :id")
                .param("hash", passwordHash)
                .param("id", userId)
                .update();
    }

    private static UserAccount map(ResultSet row, int rowNumber) throws SQLException {
        Array roles = row.getArray("roles");
        Timestamp createdAt = row.getTimestamp("created_at");
        return new UserAccount(
                row.getObject("id", UUID.class),
                row.getObject("workspace_id", UUID.class),
                row.getString("email"),
                row.getString("display_name"),
                row.getString("password_hash"),
                roles == null ? List.of() : Arrays.asList((String[]) roles.getArray()),
                createdAt == null ? null : createdAt.toInstant());
    }
}
