package dev.syncline.command.vault;

/**
 * Base of every failure the vault reports. Messages name accounts, fields and key ids, never a
 * token, a key or plaintext content, so they are safe to log.
 */
public abstract class VaultException extends RuntimeException {

    protected VaultException(String message) {
        super(message);
    }

    protected VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
