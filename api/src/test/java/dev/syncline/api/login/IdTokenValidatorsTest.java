package dev.syncline.api.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** The claim checks of ID tokens after their signature, at the edges: clock skew, exact issuers, tenants. */
class IdTokenValidatorsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final String CLIENT_ID = "syncline-login";
    private static final String GOOGLE_ISSUER = "https://accounts.google.com";
    private static final String MICROSOFT_TEMPLATE = "https://login.microsoftonline.com/{tenantid}/v2.0";
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String OTHER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

    private final IdTokenValidators validators = new IdTokenValidators(Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));
    private final OAuth2TokenValidator<Jwt> google = validators.apply(registration("google", GOOGLE_ISSUER));
    private final OAuth2TokenValidator<Jwt> microsoft = validators.apply(registration("microsoft", MICROSOFT_TEMPLATE));

    @Test
    void aTokenThatExpiredWithinTheSkewIsAccepted() {
        assertThat(valid(google, token(GOOGLE_ISSUER, NOW.minusSeconds(59), Map.of()))).isTrue();
    }

    @Test
    void aTokenThatExpiredBeyondTheSkewIsRejected() {
        assertThat(valid(google, token(GOOGLE_ISSUER, NOW.minusSeconds(61), Map.of()))).isFalse();
    }

    @Test
    void aTokenIssuedFurtherInTheFutureThanTheSkewIsRejected() {
        Jwt fromTheFuture = Jwt.withTokenValue("t").header("alg", "RS256").header("typ", "JWT")
                .issuer(GOOGLE_ISSUER).subject("1").audience(List.of(CLIENT_ID))
                .issuedAt(NOW.plusSeconds(61)).expiresAt(NOW.plusSeconds(3661)).build();

        assertThat(valid(google, fromTheFuture)).isFalse();
    }

    @Test
    void theIssuerMustMatchExactly() {
        assertThat(valid(google, token(GOOGLE_ISSUER + "/", NOW.plusSeconds(3600), Map.of()))).isFalse();
        assertThat(valid(google, token("https://accounts.google.com.attacker.example", NOW.plusSeconds(3600), Map.of()))).isFalse();
    }

    @Test
    void theAudienceMustNameTheClient() {
        Jwt forSomeoneElse = Jwt.withTokenValue("t").header("alg", "RS256").issuer(GOOGLE_ISSUER).subject("1")
                .audience(List.of("another-client")).issuedAt(NOW).expiresAt(NOW.plusSeconds(3600)).build();

        assertThat(valid(google, forSomeoneElse)).isFalse();
    }

    @Test
    void aMicrosoftTokenIsAcceptedWithTheIssuerOfItsOwnTenant() {
        String issuer = "https://login.microsoftonline.com/" + TENANT + "/v2.0";

        assertThat(valid(microsoft, token(issuer, NOW.plusSeconds(3600), Map.of("tid", TENANT)))).isTrue();
    }

    @Test
    void aMicrosoftTokenWithAnotherTenantsIssuerIsRejected() {
        String otherIssuer = "https://login.microsoftonline.com/" + OTHER_TENANT + "/v2.0";

        assertThat(valid(microsoft, token(otherIssuer, NOW.plusSeconds(3600), Map.of("tid", TENANT)))).isFalse();
    }

    @Test
    void aMicrosoftTokenWithoutTenantOrWithTheLiteralTemplateIsRejected() {
        String issuer = "https://login.microsoftonline.com/" + TENANT + "/v2.0";

        assertThat(valid(microsoft, token(issuer, NOW.plusSeconds(3600), Map.of()))).isFalse();
        assertThat(valid(microsoft, token(MICROSOFT_TEMPLATE, NOW.plusSeconds(3600), Map.of("tid", "{tenantid}")))).isFalse();
    }

    @Test
    void aMicrosoftTenantIdThatIsNoGuidCannotBuildAnIssuer() {
        String smuggled = "x/v2.0/../" + TENANT;

        assertThat(valid(microsoft, token("https://login.microsoftonline.com/" + smuggled + "/v2.0", NOW.plusSeconds(3600),
                Map.of("tid", smuggled)))).isFalse();
    }

    private static boolean valid(OAuth2TokenValidator<Jwt> validator, Jwt token) {
        return !validator.validate(token).hasErrors();
    }

    private static Jwt token(String issuer, Instant expiresAt, Map<String, Object> extraClaims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").header("typ", "JWT")
                .issuer(issuer).subject("subject-1").audience(List.of(CLIENT_ID))
                .issuedAt(expiresAt.minus(Duration.ofHours(1))).expiresAt(expiresAt)
                .claims(claims -> claims.putAll(extraClaims))
                .build();
    }

    private static ClientRegistration registration(String id, String issuer) {
        return ClientRegistration.withRegistrationId(id)
                .clientId(CLIENT_ID)
                .clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://syncline.example/api/v1/auth/callback/" + id)
                .scope("openid", "email", "profile")
                .authorizationUri("https://idp.example/authorize")
                .tokenUri("https://idp.example/token")
                .jwkSetUri("https://idp.example/keys")
                .issuerUri(issuer)
                .build();
    }
}
