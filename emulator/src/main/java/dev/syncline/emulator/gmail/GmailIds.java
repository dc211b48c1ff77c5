package dev.syncline.emulator.gmail;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Gmail-style message ids: 16 hex digits whose high bits are the arrival time in milliseconds, as
 * Gmail's own are. So ids sort by arrival, which gives the newest-first listing order for free.
 */
final class GmailIds {

    private static final int SEQUENCE_BITS = 20;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private GmailIds() {
    }

    static long compose(Instant arrival, long sequence) {
        return (Math.max(0, arrival.toEpochMilli()) << SEQUENCE_BITS) | (sequence & SEQUENCE_MASK);
    }

    static String format(long id) {
        String hex = Long.toHexString(id);
        return hex.length() >= 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }

    /** The id an API path names, or empty when it cannot be one of ours (Gmail then answers 400). */
    static OptionalLong parse(String text) {
        if (text == null || text.length() != 16) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseUnsignedLong(text, 16));
    }
}
