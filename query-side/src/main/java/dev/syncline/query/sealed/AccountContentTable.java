package dev.syncline.query.sealed;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The account-wide upkeep every synced-content table needs ({@code synced_messages}, {@code calendar_events}):
 * after a full sync, remove what it did not see; on disconnect, remove the account; on reset, empty the table.
 * Each table has {@code account_id} and {@code last_seen_sync}.
 */
public final class AccountContentTable {

    private final NamedParameterJdbcTemplate jdbc;
    private final String table;

    public AccountContentTable(NamedParameterJdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** Removes the account's rows that the full sync {@code syncId} did not write; answers how many. */
    public int removeUnseenBy(String accountId, String syncId) {
        return jdbc.update("DELETE FROM " + table + " WHERE account_id = :accountId AND last_seen_sync <> :syncId",
                new MapSqlParameterSource("accountId", accountId).addValue("syncId", syncId));
    }

    public void removeAccount(String accountId) {
        jdbc.update("DELETE FROM " + table + " WHERE account_id = :accountId", new MapSqlParameterSource("accountId", accountId));
    }

    public void clear() {
        jdbc.getJdbcTemplate().execute("TRUNCATE " + table);
    }
}
