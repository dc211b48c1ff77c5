package dev.syncline.emulator.oauth;

import dev.syncline.emulator.EmulatedUser;
import dev.syncline.emulator.oidc.CompactJws;
import dev.syncline.emulator.oidc.IdTokenFault;
import dev.syncline.emulator.state.ProviderState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Issues the ID tokens of one provider (OpenID Connect Core 2): RS256 with the provider's published key,
 * valid for an hour, with the nonce of the authorization request. A queued {@link IdTokenFault} spoils the
 * next token in exactly one way, so that a test sees which check of the relying party caught it.
 */
final class IdTokenMinter {

    static final Duration LIFETIME = Duration.ofHours(1);
    /** Far enough back that no clock skew a relying party allows (minutes at most) can save the token. */
    static final Duration EXPIRED_SINCE = Duration.ofMinutes(10);
    static final String FOREIGN_AUDIENCE = "another-client.apps.invalid";

    private static final Logger log = LoggerFactory.getLogger(IdTokenMinter.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProviderState state;
    private final IdTokenProfile profile;

    IdTokenMinter(ProviderState state, IdTokenProfile profile) {
        this.state = state;
        this.profile = profile;
    }

    /** @param nonce the authorization request's nonce; {@code null} for none (and on refresh) */
    String mint(EmulatedUser user, String clientId, String nonce) {
        Optional<IdTokenFault> fault = state.idTokenFaults().take();
        fault.ifPresent(f -> log.debug("Spoiling the next {} ID token: {}", state.provider().pathName(), f.wireName()));
        Instant now = state.clock().instant();
        boolean expired = fault.filter(f -> f == IdTokenFault.EXPIRED).isPresent();
        Instant expiresAt = expired ? now.minus(EXPIRED_SINCE) : now.plus(LIFETIME);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", fault.filter(f -> f == IdTokenFault.WRONG_ISSUER).isPresent()
                ? profile.foreignIssuer(user) : profile.issuer(user));
        claims.put("aud", fault.filter(f -> f == IdTokenFault.WRONG_AUDIENCE).isPresent() ? FOREIGN_AUDIENCE : clientId);
        claims.put("iat", expiresAt.minus(LIFETIME).getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        if (fault.filter(f -> f == IdTokenFault.WRONG_NONCE).isPresent()) {
            claims.put("nonce", randomNonce());
        } else if (nonce != null) {
            claims.put("nonce", nonce);
        }
        claims.putAll(profile.userClaims(user));
        state.counters().idTokenIssued();
        return fault.map(f -> switch (f) {
            case UNSIGNED -> CompactJws.unsecured(claims);
            case WRONG_KEY -> CompactJws.rs256(claims, state.signingKeys().impostor());
            default -> CompactJws.rs256(claims, state.signingKeys().published());
        }).orElseGet(() -> CompactJws.rs256(claims, state.signingKeys().published()));
    }

    private static String randomNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
