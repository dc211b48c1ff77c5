package dev.syncline.query.messages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * Where the next page of a message list starts: the sort key (received at, id) of the last message of the
 * page before. Clients see it as an opaque string; a token that does not decode is the client's mistake.
 *
 * <p>The key, not an offset, so that messages arriving between two requests neither repeat nor skip a
 * row, and a page costs the same however deep it is. The token names no filter: the query that carries it
 * is filtered as always, so a token made up by hand reveals nothing.
 */
public record MessagePageToken(Instant receivedAt, UUID id) {

    private static final String VERSION = "m1";
    private static final int MAX_LENGTH = 128;

    public MessagePageToken {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(id, "id");
        receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public String encode() {
        String key = VERSION + "." + ChronoUnit.MICROS.between(Instant.EPOCH, receivedAt) + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The token's key.
     *
     * @throws IllegalArgumentException if it is not a token this class made; the message does not quote it
     */
    public static MessagePageToken decode(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw malformed();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII).split("\\.", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].length() != 36) {
                throw malformed();
            }
            Instant receivedAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new MessagePageToken(receivedAt, UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw malformed();
        }
    }

    /** Whether {@link #decode} accepts the token. */
    public static boolean isWellFormed(String token) {
        try {
            decode(token);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static IllegalArgumentException malformed() {
        return new IllegalArgumentException("Not a page token of a message list");
    }
}
