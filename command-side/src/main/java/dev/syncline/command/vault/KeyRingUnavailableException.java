package dev.syncline.command.vault;

/**
 * No usable key ring was configured, or the configured one cannot be read. Thrown at start-up so
 * that the service never runs with tokens it could not decrypt later.
 */
public class KeyRingUnavailableException extends VaultException {

    public KeyRingUnavailableException(String message) {
        super(message);
    }

    public KeyRingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
