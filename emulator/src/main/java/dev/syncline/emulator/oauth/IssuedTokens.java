package dev.syncline.emulator.oauth;

import java.util.Optional;

/** The tokens one successful token call hands out, before a dialect shapes the JSON. */
public record IssuedTokens(String accessToken, long expiresInSeconds, Optional<String> refreshToken, String scope) {
}
