package dev.syncline.emulator.gcalendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Event ids in Google's alphabet (base32hex, lower case: {@code 0-9a-v}), 26 characters long. Derived
 * from the user, the generated key and the calendar's running number, so the same seed gives the same
 * ids, and an item added twice under one key still gets two ids.
 */
final class EventIds {

    private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final int LENGTH = 26;

    private EventIds() {
    }

    static String of(String email, String key, long number) {
        byte[] digest = sha256(email + "\n" + key + "\n" + number);
        StringBuilder id = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; id.length() < LENGTH; i++) {
            buffer = (buffer << 8) | (digest[i] & 0xff);
            bits += 8;
            while (bits >= 5 && id.length() < LENGTH) {
                bits -= 5;
                id.append(BASE32HEX[(buffer >> bits) & 0x1f]);
            }
        }
        return id.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
