package dev.syncline.api.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private static final UUID SESSION = UUID.fromString("6f1c1b1e-8d7a-4f3e-9a55-2b0c3d4e5f60");

    @Test
    void aMintedTokenCarriesItsSessionAndReadsBackToIt() {
        RefreshToken token = RefreshToken.mint(SESSION);

        assertThat(token.value()).startsWith("srt_").hasSize(68).matches("srt_[A-Za-z0-9_-]{64}");
        assertThat(RefreshToken.parse(token.value())).contains(token);
    }

    @Test
    void everyTokenHasItsOwnTwoHundredFiftySixRandomBits() {
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            values.add(RefreshToken.mint(SESSION).value());
        }

        assertThat(values).hasSize(1000);
    }

    @Test
    void theHashIsSha256HexAndDiffersPerToken() {
        RefreshToken token = RefreshToken.mint(SESSION);

        assertThat(token.hash()).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(token.hash());
        assertThat(token.hash()).isNotEqualTo(RefreshToken.mint(SESSION).hash());
        assertThat(token.hash()).doesNotContain(token.value().substring(4));
    }

    @Test
    void anythingNotShapedLikeOurTokenIsNotOne() {
        String valid = RefreshToken.mint(SESSION).value();
        for (String presented : new String[] {null, "", "srt_", valid + "A", valid.substring(0, 67), "xrt_" + valid.substring(4),
                "srt_" + "!".repeat(64), "eyJhbGciOiJFUzI1NiJ9.e30.sig"}) {
            assertThat(RefreshToken.parse(presented)).as(String.valueOf(presented)).isEmpty();
        }
    }

    @Test
    void theValueNeverShowsInToString() {
        RefreshToken token = RefreshToken.mint(SESSION);

        assertThat(token.toString()).doesNotContain(token.value().substring(4)).contains(SESSION.toString());
    }
}
