package dev.syncline.command.vault;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The associated data that binds a ciphertext to where it belongs: its workspace, its account and
 * the field (vault columns, wrapped data keys) or purpose (sealed event content) it was written
 * for. A ciphertext opened with any other binding fails authentication.
 *
 * <p>Canonical form: {@code syncline/v1|workspace=<w>|account=<a>|field=<f>} (or {@code purpose=<p>}).
 * The characters {@code %}, {@code |} and {@code =} in values are percent-encoded, so two different
 * bindings can never produce the same bytes.
 */
public record AssociatedData(String workspaceId, String accountId, String kind, String name) {

    private static final String PREFIX = "syncline/v1";

    public AssociatedData {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException(kind + " must not be blank");
        }
    }

    /** Binds a vault column such as {@code access_token} or {@code refresh_token}. */
    public static AssociatedData field(AccountKey account, String field) {
        return new AssociatedData(account.workspaceId(), account.accountId(), "field", field);
    }

    /** Binds content sealed for an event, for instance {@code message-body}. */
    public static AssociatedData purpose(AccountKey account, String purpose) {
        return new AssociatedData(account.workspaceId(), account.accountId(), "purpose", purpose);
    }

    /** The canonical string form; contains ids only, never secrets. */
    public String canonical() {
        return PREFIX + "|workspace=" + escape(workspaceId) + "|account=" + escape(accountId)
                + "|" + kind + "=" + escape(name);
    }

    public byte[] bytes() {
        return canonical().getBytes(StandardCharsets.UTF_8);
    }

    /** Describes the binding for an exception message. */
    public String describe() {
        return "account '" + accountId + "' (workspace '" + workspaceId + "'), " + kind + " '" + name + "'";
    }

    private static String escape(String value) {
        return value.replace("%", "%25").replace("|", "%7C").replace("=", "%3D");
    }
}
