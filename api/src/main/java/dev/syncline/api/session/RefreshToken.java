package dev.syncline.api.session;

import dev.syncline.api.security.Sha256;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * An opaque refresh token: {@code srt_} followed by the base64url of the session id (16 bytes) and 32
 * random bytes. The session id lets the token find its session without a lookup table; the 256 random
 * bits are the secret. Only {@link #hash()} is ever stored; the value goes to the client once.
 *
 * @param value     the token as the client holds it
 * @param sessionId the session (refresh-token family) it belongs to
 */
public record RefreshToken(String value, UUID sessionId) {

    static final String PREFIX = "srt_";
    private static final int SECRET_BYTES = 32;
    private static final int ENCODED_LENGTH = PREFIX.length() + 64;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token of the given session with fresh randomness. */
    public static RefreshToken mint(UUID sessionId) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        ByteBuffer bytes = ByteBuffer.allocate(16 + SECRET_BYTES)
                .putLong(sessionId.getMostSignificantBits())
                .putLong(sessionId.getLeastSignificantBits())
                .put(secret);
        return new RefreshToken(PREFIX + ENCODER.encodeToString(bytes.array()), sessionId);
    }

    /** Reads a token a client presented; anything not shaped like one of ours is empty. */
    public static Optional<RefreshToken> parse(String presented) {
        if (presented == null || presented.length() != ENCODED_LENGTH || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(presented.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return Optional.of(new RefreshToken(presented, new UUID(buffer.getLong(), buffer.getLong())));
    }

    /** SHA-256 of the token, hex: what the session keeps. The token's 256 random bits make a salt pointless. */
    public String hash() {
        return Sha256.hex(value);
    }

    @Override
    public String toString() {
        return "RefreshToken[sessionId=" + sessionId + ", value=<redacted>]";
    }
}
