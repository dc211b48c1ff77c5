package dev.syncline.api.login;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The checks of an ID token after its signature (OpenID Connect Core 3.1.3.7): Spring's
 * {@link OidcIdTokenValidator} ({@code iss} exact, {@code aud} contains the client id, {@code azp}, {@code exp}
 * and {@code iat}) and {@code exp}/{@code nbf} again, both with the same clock skew; the nonce is checked by the
 * authentication provider. For an issuer template (Microsoft's multi-tenant endpoints) the exact issuer check
 * is the {@link TenantIssuerValidator}'s, since no single issuer could match.
 */
final class IdTokenValidators implements Function<ClientRegistration, OAuth2TokenValidator<Jwt>> {

    private final Duration clockSkew;
    private final Clock clock;

    IdTokenValidators(Duration clockSkew, Clock clock) {
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidator<Jwt> apply(ClientRegistration registration) {
        OAuth2TokenValidator<Jwt> checks = checksFor(registration);
        return token -> {
            try {
                return checks.validate(token);
            } catch (IllegalArgumentException e) {
                // Spring's accessors throw on a claim of the wrong type (an iss that is no URL, say): still just invalid.
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_id_token", "Malformed ID token claims", null));
            }
        };
    }

    private OAuth2TokenValidator<Jwt> checksFor(ClientRegistration registration) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        String issuer = registration.getProviderDetails().getIssuerUri();
        if (TenantIssuerValidator.isTemplate(issuer)) {
            // Spring compares iss with the registration's issuer when it has one: leave that to the tenant check.
            OidcIdTokenValidator claims = claimsValidator(ClientRegistration.withClientRegistration(registration)
                    .issuerUri(null).build());
            return JwtValidators.createDefaultWithValidators(timestamps, claims, new TenantIssuerValidator(issuer));
        }
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("The login registration " + registration.getRegistrationId() + " has no issuer");
        }
        return JwtValidators.createDefaultWithValidators(timestamps, claimsValidator(registration));
    }

    private OidcIdTokenValidator claimsValidator(ClientRegistration registration) {
        OidcIdTokenValidator validator = new OidcIdTokenValidator(registration);
        validator.setClockSkew(clockSkew);
        validator.setClock(clock);
        return validator;
    }
}
