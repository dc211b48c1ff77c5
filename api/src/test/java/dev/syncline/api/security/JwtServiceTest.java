package dev.syncline.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.ClaimsBuilder;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class JwtServiceTest {

    private static final String ISSUER = "https://syncline.test";
    private static final String AUDIENCE = "syncline-api";
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final UUID USER = UUID.fromString("6f1c3a0e-3c1d-4b53-9a55-0c2a7f3e9d10");
    private static final UUID WORKSPACE = UUID.fromString("a2b7e5d4-8f6e-4c1a-b0d3-2e9f8c7b6a54");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = new MutableClock(NOW);
    private final JwtSigningKeys keys = JwtSigningKeys.generate("key-1");
    private final JwtService jwt = service(keys);

    @Test
    void issuedTokenVerifiesBackToItsUserWorkspaceAndRoles() {
        AccessToken token = jwt.issue(USER, WORKSPACE, List.of("USER", "ADMIN"));

        CurrentUser user = jwt.verify(token.value());

        assertThat(user.userId()).isEqualTo(USER);
        assertThat(user.workspaceId()).isEqualTo(WORKSPACE);
        assertThat(user.roles()).containsExactlyInAnyOrder("USER", "ADMIN");
        assertThat(user.email()).isNull();
    }

    @Test
    void issuedTokenCarriesTheAccessTokenHeaderAndEveryRequiredClaim() throws Exception {
        AccessToken token = jwt.issue(USER, WORKSPACE, List.of("USER"));

        JsonNode header = part(token.value(), 0);
        JsonNode claims = part(token.value(), 1);

        assertThat(header.path("alg").asText()).isEqualTo("ES256");
        assertThat(header.path("kid").asText()).isEqualTo("key-1");
        assertThat(header.path("typ").asText()).isEqualTo("at+jwt");
        assertThat(claims.path("iss").asText()).isEqualTo(ISSUER);
        assertThat(audiences(claims)).containsExactly(AUDIENCE);
        assertThat(claims.path("sub").asText()).isEqualTo(USER.toString());
        assertThat(claims.path("wid").asText()).isEqualTo(WORKSPACE.toString());
        assertThat(claims.path("roles").isArray()).isTrue();
        assertThat(claims.path("roles").get(0).asText()).isEqualTo("USER");
        assertThat(claims.path("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.path("exp").asLong()).isEqualTo(NOW.plus(LIFETIME).getEpochSecond());
        assertThat(claims.path("jti").asText()).isEqualTo(token.id()).isNotBlank();
        assertThat(token.expiresInSeconds()).isEqualTo(900);
    }

    @Test
    void everyIssuedTokenHasItsOwnId() {
        assertThat(jwt.issue(USER, WORKSPACE, List.of()).id()).isNotEqualTo(jwt.issue(USER, WORKSPACE, List.of()).id());
    }

    @Test
    void tokenOfThePreviousKeyStillVerifiesWhileThatKeyIsListed() {
        AccessToken oldToken = jwt.issue(USER, WORKSPACE, List.of("USER"));
        JwtSigningKeys rotated = keys.withActiveKey(newKey("key-2"));
        JwtService afterRotation = service(rotated);

        AccessToken newToken = afterRotation.issue(USER, WORKSPACE, List.of("USER"));

        assertThat(afterRotation.verify(oldToken.value()).userId()).isEqualTo(USER);
        assertThat(part(newToken.value(), 0).path("kid").asText()).isEqualTo("key-2");
        assertThat(afterRotation.verify(newToken.value()).userId()).isEqualTo(USER);
    }

    @Test
    void tokenOfAKeyNoLongerListedIsRejected() {
        AccessToken oldToken = jwt.issue(USER, WORKSPACE, List.of("USER"));
        JwtService retired = service(keys.withActiveKey(newKey("key-2")).without("key-1"));

        assertThatThrownBy(() -> retired.verify(oldToken.value())).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void tokenSignedByAnUnknownKeyUnderAKnownKidIsRejected() {
        JwtService impostor = service(JwtSigningKeys.generate("key-1"));
        AccessToken forged = impostor.issue(USER, WORKSPACE, List.of("ADMIN"));

        assertThatThrownBy(() -> jwt.verify(forged.value())).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void tokenIsAcceptedUntilTheClockSkewHasPassedAfterItsExpiry() {
        AccessToken token = jwt.issue(USER, WORKSPACE, List.of("USER"));

        clock.set(token.expiresAt().plus(SKEW));
        assertThat(jwt.verify(token.value()).userId()).isEqualTo(USER);

        clock.set(token.expiresAt().plus(SKEW).plusSeconds(1));
        assertThatThrownBy(() -> jwt.verify(token.value()))
                .isInstanceOf(InvalidAccessTokenException.class)
                .hasMessageContaining("Expired");
    }

    @Test
    void tokenIssuedBeyondTheClockSkewInTheFutureIsRejected() {
        String early = signed(claims().issuedAt(Date.from(NOW.plus(SKEW).plusSeconds(5))));

        assertThatThrownBy(() -> jwt.verify(early)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void tokenWithoutTheAccessTokenTypeIsRejected() {
        String plainJwt = Jwts.builder().header().keyId("key-1").type("JWT").and()
                .claims(claims().build()).signWith(keys.active().privateKey(), Jwts.SIG.ES256).compact();
        String untyped = Jwts.builder().header().keyId("key-1").and()
                .claims(claims().build()).signWith(keys.active().privateKey(), Jwts.SIG.ES256).compact();

        assertThatThrownBy(() -> jwt.verify(plainJwt)).isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> jwt.verify(untyped)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void tokenWithTheMediaTypeFormOfTheAccessTokenTypeIsAccepted() {
        String token = Jwts.builder().header().keyId("key-1").type("application/at+jwt").and()
                .claims(claims().build()).signWith(keys.active().privateKey(), Jwts.SIG.ES256).compact();

        assertThat(jwt.verify(token).userId()).isEqualTo(USER);
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
        String token = signed(claims().expiration(null));

        assertThatThrownBy(() -> jwt.verify(token)).isInstanceOf(InvalidAccessTokenException.class).hasMessage("no exp");
    }

    @Test
    void tokenForAnotherIssuerOrAudienceOrWithoutThemIsRejected() {
        List<String> tokens = List.of(
                signed(claims().issuer("https://elsewhere.test")),
                signed(claims().issuer(null)),
                signed(claims().audience().clear().add("another-api").and()),
                signed(claims().audience().clear().and()));

        tokens.forEach(token -> assertThatThrownBy(() -> jwt.verify(token)).isInstanceOf(InvalidAccessTokenException.class));
    }

    @Test
    void tokenWithAnUnknownOrMissingKidIsRejected() {
        String unknownKid = Jwts.builder().header().keyId("key-9").type("at+jwt").and()
                .claims(claims().build()).signWith(keys.active().privateKey(), Jwts.SIG.ES256).compact();
        String noKid = Jwts.builder().header().type("at+jwt").and()
                .claims(claims().build()).signWith(keys.active().privateKey(), Jwts.SIG.ES256).compact();

        assertThatThrownBy(() -> jwt.verify(unknownKid)).isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> jwt.verify(noKid)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void unsignedTokenIsRejected() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"key-1\"}");
        String payload = base64Url("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + USER
                + "\",\"wid\":\"" + WORKSPACE + "\",\"roles\":[\"ADMIN\"],\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + "}");

        assertThatThrownBy(() -> jwt.verify(header + "." + payload + ".")).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void tokenSignedWithAnotherAlgorithmIsRejectedEvenWithThePublicKeyAsSecret() {
        SecretKeySpec publicKeyAsSecret = new SecretKeySpec(keys.active().publicKey().getEncoded(), "HmacSHA256");
        String confused = Jwts.builder().header().keyId("key-1").type("at+jwt").and()
                .claims(claims().build()).signWith(publicKeyAsSecret, Jwts.SIG.HS256).compact();
        var p384 = Jwts.SIG.ES384.keyPair().build();
        String es384 = Jwts.builder().header().keyId("key-1").type("at+jwt").and()
                .claims(claims().build()).signWith(p384.getPrivate(), Jwts.SIG.ES384).compact();

        assertThatThrownBy(() -> jwt.verify(confused)).isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> jwt.verify(es384)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void tokenWithoutAUserOrWorkspaceIsRejected() {
        assertThatThrownBy(() -> jwt.verify(signed(claims().subject(null)))).isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> jwt.verify(signed(claims().subject("not-a-uuid")))).isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> jwt.verify(signed(claims().delete("wid")))).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void garbageAndOversizedTokensAreRejectedWithoutQuotingThem() {
        String garbage = "eyJhbGciOiJFUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.bm90LWEtc2lnbmF0dXJl";
        String oversized = "a".repeat(JwtService.MAX_TOKEN_LENGTH + 1);

        assertThatThrownBy(() -> jwt.verify(garbage))
                .isInstanceOf(InvalidAccessTokenException.class)
                .hasMessageNotContaining(garbage)
                .hasMessageNotContaining("c2VjcmV0");
        assertThatThrownBy(() -> jwt.verify(oversized)).isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> jwt.verify("")).isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> jwt.verify(null)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void accessTokenNeverShowsItsValueInToString() {
        AccessToken token = jwt.issue(USER, WORKSPACE, Set.of("USER"));

        assertThat(token.toString()).doesNotContain(token.value());
    }

    private JwtService service(JwtSigningKeys signingKeys) {
        return new JwtService(signingKeys, ISSUER, AUDIENCE, LIFETIME, SKEW, clock);
    }

    /** Valid claims for the test user, ready to be spoilt one at a time. */
    private static ClaimsBuilder claims() {
        return Jwts.claims()
                .issuer(ISSUER)
                .audience().add(AUDIENCE).and()
                .subject(USER.toString())
                .add("wid", WORKSPACE.toString())
                .add("roles", List.of("USER"))
                .issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plus(LIFETIME)))
                .id(UUID.randomUUID().toString());
    }

    private String signed(ClaimsBuilder claims) {
        return Jwts.builder().header().keyId("key-1").type("at+jwt").and()
                .claims(claims.build())
                .signWith(keys.active().privateKey(), Jwts.SIG.ES256)
                .compact();
    }

    private static JwtSigningKeys.SigningKey newKey(String kid) {
        var pair = JwtSigningKeys.generateKeyPair();
        return new JwtSigningKeys.SigningKey(kid, pair.getPrivate(), pair.getPublic());
    }

    private static JsonNode part(String token, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? List.of(aud.get(0).asText()) : List.of(aud.asText());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
