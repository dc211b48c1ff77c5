package dev.syncline.command.vault;

/**
 * A ciphertext names a key the key ring does not hold, typically a key-encryption key that was
 * retired before every row had been rewrapped. Failing loudly keeps such rows from looking empty.
 */
public class UnknownKeyException extends VaultException {

    public UnknownKeyException(String message) {
        super(message);
    }
}
