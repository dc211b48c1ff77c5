package dev.syncline.command.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VaultTokensTest {

    private static final String ACCESS_TOKEN = "ya29.CANARY-access-9d2e";
    private static final String REFRESH_TOKEN = "1//0CANARY-refresh-5b7a";
    private static final Instant EXPIRES_AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void toStringNeverContainsATokenButShowsExpiryAndScopes() {
        String text = new VaultTokens(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRES_AT, Set.of("mail.read", "openid")).toString();

        assertThat(text)
                .doesNotContain(ACCESS_TOKEN).doesNotContain(REFRESH_TOKEN)
                .doesNotContain("CANARY")
                .contains("<redacted>", EXPIRES_AT.toString(), "mail.read", "openid");
    }

    @Test
    void toStringSaysWhenThereIsNoRefreshToken() {
        assertThat(new VaultTokens(ACCESS_TOKEN, null, EXPIRES_AT, Set.of()).toString()).contains("refreshToken=<none>");
    }

    @Test
    void scopesAreCopiedSoLaterChangesDoNotLeakIn() {
        Set<String> scopes = new HashSet<>(Set.of("openid"));
        VaultTokens tokens = new VaultTokens(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRES_AT, scopes);
        scopes.add("mail.send");

        assertThat(tokens.scopes()).containsExactly("openid");
    }

    @Test
    void withAccessTokenKeepsTheRefreshTokenAndScopes() {
        VaultTokens tokens = new VaultTokens(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRES_AT, Set.of("openid"));
        Instant later = EXPIRES_AT.plusSeconds(3600);

        assertThat(tokens.withAccessToken("new-access", later))
                .isEqualTo(new VaultTokens("new-access", REFRESH_TOKEN, later, Set.of("openid")));
    }

    @Test
    void anEmptyAccessTokenIsRejected() {
        assertThatThrownBy(() -> new VaultTokens("", REFRESH_TOKEN, EXPIRES_AT, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
