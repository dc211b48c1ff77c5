package dev.syncline.messages.account;

import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * The provider issued a new access token for the account's refresh token. {@code refreshTokenRotated}
 * tells that it also issued a new refresh token (Microsoft does on every refresh), which the vault
 * stored in the same transaction.
 */
@Revision("1")
public record AccessTokenRefreshedEvent(
        String accountId,
        String accessTokenFingerprint,
        Instant accessTokenExpiresAt,
        boolean refreshTokenRotated,
        String refreshTokenFingerprint,
        Set<String> scopes,
        RefreshTrigger trigger) {
}
