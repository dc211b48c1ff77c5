package dev.syncline.messages.account;

import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * The provider issued tokens through the authorization-code flow and the vault stored them. Carries
 * keyed fingerprints of the tokens, never the tokens.
 */
@Revision("1")
public record TokensIssuedEvent(
        String accountId,
        String accessTokenFingerprint,
        String refreshTokenFingerprint,
        Instant accessTokenExpiresAt,
        Set<String> scopes) {
}
