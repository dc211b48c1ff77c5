package dev.syncline.emulator.gcalendar;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Packs a token's fields into an opaque base64url string, as Google's tokens look to a client, and
 * unpacks it again. The first field names the kind, so a page token is never taken for a sync token.
 */
final class OpaqueToken {

    private static final String SEPARATOR = "|";

    private OpaqueToken() {
    }

    static String pack(String kind, Object... fields) {
        StringBuilder plain = new StringBuilder(kind);
        for (Object field : fields) {
            plain.append(SEPARATOR).append(field);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The fields after the kind, or empty when the text is not a token of this kind with that many fields. */
    static Optional<List<String>> unpack(String token, String kind, int fieldCount) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String> parts = List.of(plain.split("\\" + SEPARATOR, -1));
        if (parts.size() != fieldCount + 1 || !parts.get(0).equals(kind)) {
            return Optional.empty();
        }
        return Optional.of(parts.subList(1, parts.size()));
    }

    static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
