package dev.syncline.command.vault;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps every account's random AES-256 data key, wrapped with a key-encryption key of the
 * {@link KeyRing}, in table {@code vault_data_key}, and moves wrapped keys to the active version.
 *
 * <p>It goes through a {@link JdbcClient} on the application data source, so its writes join the
 * caller's Spring transaction. Unwrapped keys are deliberately not cached: a cache would outlive a
 * rolled-back creation or a shred committed on another node, and unwrapping 32 bytes costs
 * microseconds next to the row read that is needed anyway.
 *
 * <p>Each data key gets a fresh random id ({@code dk-} + 16 hex digits) rather than a counter, so
 * that content sealed with a destroyed key never matches the key of a later reconnection.
 */
public class DataKeyStore {

    private static final String WRAPPED_KEY_FIELD = "data_key:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final KeyRing keyRing;
    private final AesGcm aesGcm;

    public DataKeyStore(JdbcClient jdbc, KeyRing keyRing, AesGcm aesGcm) {
        this.jdbc = jdbc;
        this.keyRing = keyRing;
        this.aesGcm = aesGcm;
    }

    /** Gives the account a data key unless it has one; concurrent callers end up with the same key. */
    public void createIfAbsent(AccountKey account) {
        obtain(account);
    }

    /** Whether the account currently has a data key, i.e. has not been shredded. */
    public boolean exists(AccountKey account) {
        return row(account.accountId()).isPresent();
    }

    /**
     * Rewraps, in account order, up to {@code batchSize} data keys after {@code afterAccountId} that are
     * not on the active key-encryption key, locking them until the caller's transaction ends. A key that
     * cannot be opened (its version retired or unknown, its row altered) is reported and left as it is,
     * so one bad row never stops the others; the cursor moves past it either way.
     *
     * @param afterAccountId the last account id of the previous batch, or {@code ""} to start at the beginning
     */
    public RewrapBatch rewrapBatchAfter(String afterAccountId, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        List<WrappedRow> rows = jdbc.sql("""
                        SELECT account_id, workspace_id, data_key_id, kek_id, wrapped_key FROM vault_data_key
                        WHERE kek_id <> :active AND account_id > :after ORDER BY account_id LIMIT :limit FOR UPDATE""")
                .param("active", keyRing.activeKeyId())
                .param("after", afterAccountId)
                .param("limit", batchSize)
                .query(WrappedRow.class)
                .list();
        int moved = 0;
        List<UnopenableDataKey> unopenable = new ArrayList<>();
        for (WrappedRow row : rows) {
            try {
                if (rewrap(row)) {
                    moved++;
                }
            } catch (VaultException e) {
                unopenable.add(new UnopenableDataKey(row.accountId(), row.workspaceId(), row.kekId(), e.getMessage()));
            }
        }
        String last = rows.isEmpty() ? afterAccountId : rows.get(rows.size() - 1).accountId();
        return new RewrapBatch(rows.size(), moved, unopenable, last);
    }

    /** How many data keys are wrapped with a key-encryption key the ring no longer holds, by key id. */
    public Map<String, Long> countOnRetiredVersions() {
        Map<String, Long> retired = new TreeMap<>(countByKeyEncryptionKey());
        retired.keySet().removeAll(keyRing.keyIds());
        return retired;
    }

    /** How many data keys are wrapped with each key-encryption key version, by key id. */
    public Map<String, Long> countByKeyEncryptionKey() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT kek_id, count(*) AS n FROM vault_data_key GROUP BY kek_id")
                .query(rs -> {
                    counts.put(rs.getString("kek_id"), rs.getLong("n"));
                });
        return counts;
    }

    DataKey obtain(AccountKey account) {
        Optional<DataKey> existing = find(account);
        if (existing.isPresent()) {
            return existing.get();
        }
        String dataKeyId = "dk-" + HexFormat.of().formatHex(randomBytes(8));
        SecretKey dataKey = KeyRing.randomKey();
        jdbc.sql("""
                        INSERT INTO vault_data_key (account_id, workspace_id, data_key_id, kek_id, wrapped_key)
                        VALUES (:account, :workspace, :dataKeyId, :kekId, :wrapped)
                        ON CONFLICT (account_id) DO NOTHING""")
                .param("account", account.accountId())
                .param("workspace", account.workspaceId())
                .param("dataKeyId", dataKeyId)
                .param("kekId", keyRing.activeKeyId())
                .param("wrapped", wrap(account, dataKeyId, dataKey))
                .update();
        // Re-read: if another transaction created the key first, its key is the one to use.
        return find(account).orElseThrow(() -> new IllegalStateException(
                "The data key of account '" + account.accountId() + "' vanished while it was being created"));
    }

    /** The account's unwrapped data key, if it has one. */
    Optional<DataKey> find(AccountKey account) {
        // Unwrapped with the caller's workspace: asking for another workspace's account fails authentication.
        return row(account.accountId())
                .map(row -> new DataKey(row.dataKeyId(), unwrap(account, row.dataKeyId(), row.wrappedKey())));
    }

    /** The account whose data key has the given id, if that key still exists. */
    Optional<String> ownerOf(String dataKeyId) {
        return jdbc.sql("SELECT account_id FROM vault_data_key WHERE data_key_id = :dataKeyId")
                .param("dataKeyId", dataKeyId)
                .query(String.class)
                .optional();
    }

    /** Deletes the account's data key; a credential vault row goes with it (foreign key cascade). */
    boolean destroy(AccountKey account) {
        return jdbc.sql("DELETE FROM vault_data_key WHERE account_id = :account AND workspace_id = :workspace")
                .param("account", account.accountId())
                .param("workspace", account.workspaceId())
                .update() > 0;
    }

    private boolean rewrap(WrappedRow row) {
        AccountKey account = new AccountKey(row.workspaceId(), row.accountId());
        SecretKey dataKey = unwrap(account, row.dataKeyId(), row.wrappedKey());
        return jdbc.sql("""
                        UPDATE vault_data_key SET kek_id = :newKek, wrapped_key = :wrapped, rewrapped_at = now()
                        WHERE account_id = :account AND kek_id = :oldKek""")
                .param("newKek", keyRing.activeKeyId())
                .param("wrapped", wrap(account, row.dataKeyId(), dataKey))
                .param("account", row.accountId())
                .param("oldKek", row.kekId())
                .update() == 1;
    }

    private Optional<WrappedRow> row(String accountId) {
        return jdbc.sql("""
                        SELECT account_id, workspace_id, data_key_id, kek_id, wrapped_key FROM vault_data_key
                        WHERE account_id = :account""")
                .param("account", accountId)
                .query(WrappedRow.class)
                .optional();
    }

    private byte[] wrap(AccountKey account, String dataKeyId, SecretKey dataKey) {
        byte[] raw = dataKey.getEncoded();
        try {
            return aesGcm.seal(keyRing.activeKeyId(), keyRing.activeKey(), wrappingBinding(account, dataKeyId), raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private SecretKey unwrap(AccountKey account, String dataKeyId, byte[] wrapped) {
        byte[] raw = aesGcm.open(wrapped, wrappingBinding(account, dataKeyId), keyRing::key);
        try {
            return new SecretKeySpec(raw, "AES");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static AssociatedData wrappingBinding(AccountKey account, String dataKeyId) {
        return AssociatedData.field(account, WRAPPED_KEY_FIELD + dataKeyId);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    record WrappedRow(String accountId, String workspaceId, String dataKeyId, String kekId, byte[] wrappedKey) {
    }

    /**
     * What one {@link #rewrapBatchAfter} call did.
     *
     * @param examined       rows off the active version it looked at; 0 means the pass reached the end
     * @param moved          rows it rewrapped
     * @param unopenable     rows it could not open, left as they were
     * @param lastAccountId  where the next batch starts
     */
    public record RewrapBatch(int examined, int moved, List<UnopenableDataKey> unopenable, String lastAccountId) {
    }

    /**
     * A data key that could not be unwrapped. {@code reason} is a vault exception's message: it names
     * accounts and key ids, never key material.
     */
    public record UnopenableDataKey(String accountId, String workspaceId, String keyEncryptionKeyId, String reason) {
    }
}
