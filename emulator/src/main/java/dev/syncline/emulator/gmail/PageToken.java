package dev.syncline.emulator.gmail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * Opaque page tokens for listing and history: the mailbox's cursor epoch and where the last page
 * stopped. A token from an earlier epoch (before {@code expireCursors} or a re-seed) is refused.
 */
final class PageToken {

    private PageToken() {
    }

    static String encode(long epoch, long position) {
        String plain = epoch + "." + Long.toUnsignedString(position, 36);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position, or empty when the token is malformed or from another epoch. */
    static OptionalLong decode(String token, long epoch) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            int dot = plain.indexOf('.');
            if (dot < 0 || Long.parseLong(plain.substring(0, dot)) != epoch) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseUnsignedLong(plain.substring(dot + 1), 36));
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }
}
