package dev.syncline.command.vault;

import javax.crypto.SecretKey;

/** An account's unwrapped data key and the id its ciphertexts carry. Never logged, never stored unwrapped. */
record DataKey(String id, SecretKey key) {

    @Override
    public String toString() {
        return "DataKey[id=" + id + ", key=<redacted>]";
    }
}
