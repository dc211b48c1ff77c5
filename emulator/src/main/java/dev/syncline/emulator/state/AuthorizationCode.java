package dev.syncline.emulator.state;

import dev.syncline.emulator.EmulatedUser;

import java.time.Instant;

/**
 * A code handed out by the authorization endpoint, waiting to be redeemed once.
 *
 * @param codeChallenge      the PKCE S256 challenge the verifier must match
 * @param issueRefreshToken  decided at consent time: offline access asked for (and, at Google,
 *                           consent forced or no refresh token held yet)
 * @param nonce              the OpenID Connect nonce of the authorization request, for the ID token;
 *                           {@code null} when none was sent
 */
public record AuthorizationCode(
        String value,
        String clientId,
        String redirectUri,
        EmulatedUser user,
        String scope,
        String codeChallenge,
        boolean issueRefreshToken,
        String nonce,
        Instant expiresAt) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
