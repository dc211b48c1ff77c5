package dev.syncline.command.vault;

/**
 * A ciphertext failed authentication: it was altered, truncated, or belongs to another workspace,
 * account or field. Never retried and never ignored, because the stored bytes cannot be trusted.
 */
public class VaultIntegrityException extends VaultException {

    public VaultIntegrityException(String message) {
        super(message);
    }

    public VaultIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
