package dev.syncline.query.accounts;

import dev.syncline.messages.account.AccountStatus;
import dev.syncline.messages.account.AccountView;
import dev.syncline.messages.account.FindAccountQuery;
import dev.syncline.messages.account.FindAccountsQuery;
import dev.syncline.messages.account.Provider;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the account queries from {@code connected_account}, which {@link AccountProjection} keeps. Every
 * answer is limited to the caller's own accounts in the caller's workspace: another user's account is
 * simply not there.
 */
@Component
public class AccountQueryHandler {

    private static final String COLUMNS = """
            id, provider, email, scopes, status, access_token_expires_at, last_refreshed_at, last_error,
            connected_at, updated_at""";

    private final JdbcClient jdbc;

    public AccountQueryHandler(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The caller's accounts, newest first. */
    @QueryHandler
    public List<AccountView> handle(FindAccountsQuery query) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM connected_account
                         WHERE workspace_id = :workspaceId AND owner_id = :ownerId
                         ORDER BY connected_at DESC, id
                        """)
                .param("workspaceId", query.workspaceId())
                .param("ownerId", query.ownerId())
                .query(AccountQueryHandler::view)
                .list();
    }

    /** The account if the caller owns it; empty for an unknown account and for anyone else's. */
    @QueryHandler
    public Optional<AccountView> handle(FindAccountQuery query) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM connected_account
                         WHERE id = :id AND workspace_id = :workspaceId AND owner_id = :ownerId
                        """)
                .param("id", query.accountId())
                .param("workspaceId", query.workspaceId())
                .param("ownerId", query.ownerId())
                .query(AccountQueryHandler::view)
                .optional();
    }

    private static AccountView view(ResultSet rs, int row) throws SQLException {
        return new AccountView(
                rs.getString("id"),
                Provider.valueOf(rs.getString("provider")),
                rs.getString("email"),
                scopes(rs.getArray("scopes")),
                AccountStatus.valueOf(rs.getString("status")),
                instant(rs, "access_token_expires_at"),
                instant(rs, "last_refreshed_at"),
                rs.getString("last_error"),
                instant(rs, "connected_at"),
                instant(rs, "updated_at"));
    }

    private static Set<String> scopes(Array array) throws SQLException {
        return array == null ? Set.of() : Set.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
