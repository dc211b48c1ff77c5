package dev.syncline.query.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MessagePageTokenTest {

    private static final UUID ID = UUID.fromString("0b5b3f5e-2c1d-3f4e-8a9b-1c2d3e4f5a6b");

    @Test
    void aTokenDecodesToTheKeyItWasMadeOfAtMicrosecondPrecision() {
        MessagePageToken token = new MessagePageToken(Instant.parse("2026-03-01T10:00:00.123456789Z"), ID);

        MessagePageToken decoded = MessagePageToken.decode(token.encode());

        assertThat(decoded).isEqualTo(token);
        assertThat(decoded.receivedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
        assertThat(token.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void instantsBeforeTheEpochSurviveTheRoundTrip() {
        MessagePageToken token = new MessagePageToken(Instant.parse("1969-07-20T20:17:40Z"), ID);

        assertThat(MessagePageToken.decode(token.encode())).isEqualTo(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a token", "bTEuMTIz", "!!!!", "bTIuMS4wYjViM2Y1ZS0yYzFkLTNmNGUtOGE5Yi0xYzJkM2U0ZjVhNmI"})
    void aTokenThatWasNotMadeHereIsMalformed(String token) {
        assertThat(MessagePageToken.isWellFormed(token)).isFalse();
        assertThatThrownBy(() -> MessagePageToken.decode(token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(token.isEmpty() ? "\u0000" : token);
    }

    @Test
    void aTokenWithAnUnparsableKeyIsMalformed() {
        assertThat(MessagePageToken.isWellFormed(encoded("m1.12x.0b5b3f5e-2c1d-3f4e-8a9b-1c2d3e4f5a6b"))).isFalse();
        assertThat(MessagePageToken.isWellFormed(encoded("m1.123.0b5b3f5e-2c1d-3f4e-8a9b-1c2d3e4f5a6z"))).isFalse();
        assertThat(MessagePageToken.isWellFormed(encoded("m1.99999999999999999999.0b5b3f5e-2c1d-3f4e-8a9b-1c2d3e4f5a6b"))).isFalse();
        assertThat(MessagePageToken.isWellFormed(encoded("m1.123.0b5b3f5e-2c1d-3f4e-8a9b-1c2d3e4f5a6b.extra"))).isFalse();
        assertThat(MessagePageToken.isWellFormed("A".repeat(500))).isFalse();
        assertThat(MessagePageToken.isWellFormed(null)).isFalse();
        assertThat(MessagePageToken.isWellFormed(encoded("m1.123.0b5b3f5e-2c1d-3f4e-8a9b-1c2d3e4f5a6b"))).isTrue();
    }

    private static String encoded(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.US_ASCII));
    }
}
