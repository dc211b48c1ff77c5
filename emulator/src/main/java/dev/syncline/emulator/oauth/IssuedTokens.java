package dev.syncline.emulator.oauth;

import java.util.Optional;

/**
 * The tokens one successful token call hands out, before a dialect shapes the JSON.
 *
 * @param idToken present when the grant's scope includes {@code openid}
 */
public record IssuedTokens(String accessToken, long expiresInSeconds, Optional<String> refreshToken, String scope,
                           Optional<String> idToken) {
}
