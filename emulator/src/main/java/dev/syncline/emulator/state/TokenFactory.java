package dev.syncline.emulator.state;

import dev.syncline.emulator.EmulatedProvider;

import java.security.SecureRandom;
import java.util.Base64;

/** Mints opaque, unguessable tokens and codes: 32 random bytes, base64url, behind a provider prefix. */
public final class TokenFactory {

    private static final int RANDOM_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final EmulatedProvider provider;

    public TokenFactory(EmulatedProvider provider) {
        this.provider = provider;
    }

    public String accessToken() {
        return provider.accessTokenPrefix() + randomPart();
    }

    public String refreshToken() {
        return provider.refreshTokenPrefix() + randomPart();
    }

    public String authorizationCode() {
        return provider.authorizationCodePrefix() + randomPart();
    }

    private String randomPart() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
