package dev.syncline.emulator.oidc;

import java.util.List;
import java.util.Map;

/**
 * One provider's ID token keys for the life of the emulator: the published key (the only entry of
 * its JWKS) and an impostor that claims the same key id but is never published. Both are made on
 * first use, because RSA key generation is slow and most tests never ask for an ID token.
 */
public final class SigningKeys {

    private SigningKey published;
    private SigningKey impostor;

    public synchronized SigningKey published() {
        if (published == null) {
            published = SigningKey.generate();
        }
        return published;
    }

    public synchronized SigningKey impostor() {
        if (impostor == null) {
            impostor = SigningKey.generateNamed(published().keyId());
        }
        return impostor;
    }

    /** The JWK Set document (RFC 7517 section 5) the provider's {@code jwks_uri} serves. */
    public Map<String, Object> jwkSet() {
        return Map.of("keys", List.of(published().publicJwk()));
    }
}
