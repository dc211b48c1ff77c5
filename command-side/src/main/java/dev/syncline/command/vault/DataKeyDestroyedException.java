package dev.syncline.command.vault;

/**
 * The data key a ciphertext was sealed with no longer exists: the account was crypto-shredded
 * (disconnect or erasure). Replay catches this to skip content that is gone by design.
 */
public class DataKeyDestroyedException extends VaultException {

    public DataKeyDestroyedException(String message) {
        super(message);
    }
}
