package dev.syncline.api.login;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/**
 * Decoders of ID tokens (RS256, keys from the provider's JWKS, {@link IdTokenValidators}), one per registration
 * and kept: Spring's factory builds a new one per login, and with it a new key cache, so every login would
 * fetch the JWKS again. A kept decoder refetches only when it meets a key id it does not know (key rotation).
 */
final class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

    private final OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
    private final Map<String, JwtDecoder> byRegistration = new ConcurrentHashMap<>();

    IdTokenDecoders(IdTokenValidators validators) {
        factory.setJwtValidatorFactory(validators);
    }

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        return byRegistration.computeIfAbsent(registration.getRegistrationId(), id -> factory.createDecoder(registration));
    }
}
