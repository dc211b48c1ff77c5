package dev.syncline.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.MutableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.ClaimsBuilder;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class JwtServiceTest {

    private static final String ISSUER = "https://syncline.test";
    private static final String AUDIENCE = "syncline-api";
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final UUID USER = UUID.fromString("6f1c3a0e-3c1d-4b53-9a55-0c2a7f3e9d10");
    private static final UUID WORKSPACE = UUID.fromString("a2b7e5d4-8f6e-4c1a-b0d3-2e9f8c7b6a54");
    private static final UUID SESSION = UUID.fromString("0b6e2f4c-71d5-4e0a-8c39-5f1d2a3b4c6e");
    private static final URI ATTACKER_URL = URI.create("https://attacker.example/keys.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = new MutableClock(NOW);
    private final JwtSigningKeys keys = JwtSigningKeys.generate("key-1");
    private final JwtService jwt = service(keys);

    // Issuing

    @Test
    void issuedTokenVerifiesBackToItsUserWorkspaceRolesAndSession() {
        AccessToken token = jwt.issue(USER, WORKSPACE, List.of("USER", "ADMIN"), SESSION);

        CurrentUser user = jwt.verify(token.value());

        assertThat(user.userId()).isEqualTo(USER);
        assertThat(user.workspaceId()).isEqualTo(WORKSPACE);
        assertThat(user.roles()).containsExactlyInAnyOrder("USER", "ADMIN");
        assertThat(user.sessionId()).isEqualTo(SESSION);
        assertThat(user.email()).isNull();
    }

    @Test
    void issuedTokenCarriesTheAccessTokenHeaderAndEveryRequiredClaim() {
        AccessToken token = jwt.issue(USER, WORKSPACE, List.of("USER"), SESSION);

        JsonNode header = part(token.value(), 0);
        JsonNode claims = part(token.value(), 1);

        assertThat(header.path("alg").asText()).isEqualTo("ES256");
        assertThat(header.path("kid").asText()).isEqualTo("key-1");
        assertThat(header.path("typ").asText()).isEqualTo("at+jwt");
        assertThat(claims.path("iss").asText()).isEqualTo(ISSUER);
        assertThat(audiences(claims)).containsExactly(AUDIENCE);
        assertThat(claims.path("sub").asText()).isEqualTo(USER.toString());
        assertThat(claims.path("wid").asText()).isEqualTo(WORKSPACE.toString());
        assertThat(claims.path("sid").asText()).isEqualTo(SESSION.toString());
        assertThat(claims.path("roles").isArray()).isTrue();
        assertThat(claims.path("roles").get(0).asText()).isEqualTo("USER");
        assertThat(claims.path("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.path("exp").asLong()).isEqualTo(NOW.plus(LIFETIME).getEpochSecond());
        assertThat(claims.path("jti").asText()).isEqualTo(token.id()).isNotBlank();
        assertThat(token.expiresInSeconds()).isEqualTo(900);
    }

    @Test
    void everyIssuedTokenHasItsOwnId() {
        assertThat(jwt.issue(USER, WORKSPACE, List.of(), SESSION).id())
                .isNotEqualTo(jwt.issue(USER, WORKSPACE, List.of(), SESSION).id());
    }

    @Test
    void tokenWithTheMediaTypeFormOfTheAccessTokenTypeIsAccepted() {
        String token = signed(claims(), header -> header.type("application/at+jwt"));

        assertThat(jwt.verify(token).userId()).isEqualTo(USER);
    }

    @Test
    void accessTokenNeverShowsItsValueInToString() {
        AccessToken token = jwt.issue(USER, WORKSPACE, Set.of("USER"), SESSION);

        assertThat(token.toString()).doesNotContain(token.value());
    }

    // Key rotation

    @Test
    void tokenOfThePreviousKeyStillVerifiesWhileThatKeyIsListed() {
        AccessToken oldToken = jwt.issue(USER, WORKSPACE, List.of("USER"), SESSION);
        JwtService afterRotation = service(keys.withActiveKey(newKey("key-2")));

        AccessToken newToken = afterRotation.issue(USER, WORKSPACE, List.of("USER"), SESSION);

        assertThat(afterRotation.verify(oldToken.value()).userId()).isEqualTo(USER);
        assertThat(part(newToken.value(), 0).path("kid").asText()).isEqualTo("key-2");
        assertThat(afterRotation.verify(newToken.value()).userId()).isEqualTo(USER);
    }

    @Test
    void tokenOfTheNewKeyIsRejectedByAnInstanceThatDoesNotListItYet() {
        AccessToken newToken = service(keys.withActiveKey(newKey("key-2"))).issue(USER, WORKSPACE, List.of("USER"), SESSION);

        assertRejected(newToken.value()).hasMessage("unknown kid");
    }

    @Test
    void tokenOfAKeyNoLongerListedIsRejected() {
        AccessToken oldToken = jwt.issue(USER, WORKSPACE, List.of("USER"), SESSION);
        JwtService retired = service(keys.withActiveKey(newKey("key-2")).without("key-1"));

        assertThatThrownBy(() -> retired.verify(oldToken.value()))
                .isInstanceOf(InvalidAccessTokenException.class)
                .hasMessage("unknown kid");
    }

    // Keys and algorithms

    @Test
    void tokenSignedByAnotherKeyUnderAKnownKidIsRejected() {
        AccessToken forged = service(JwtSigningKeys.generate("key-1")).issue(USER, WORKSPACE, List.of("ADMIN"), SESSION);

        assertRejected(forged.value());
    }

    @Test
    void tokenWithAnUnknownKidIsRejected() {
        assertRejected(signed(claims(), header -> header.keyId("key-9"))).hasMessage("unknown kid");
    }

    @Test
    void tokenWithoutAKidIsRejected() {
        String token = Jwts.builder().header().type("at+jwt").and()
                .claims(claims().build()).signWith(keys.active().privateKey(), Jwts.SIG.ES256).compact();

        assertRejected(token).hasMessage("unknown kid");
    }

    @Test
    void unsignedTokenIsRejected() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"key-1\"}");

        assertRejected(header + "." + base64Url(claimsJson()) + ".");
    }

    @Test
    void tokenSignedWithHmacUsingThePublicKeyAsSecretIsRejected() {
        SecretKeySpec publicKeyAsSecret = new SecretKeySpec(keys.active().publicKey().getEncoded(), "HmacSHA256");
        String confused = Jwts.builder().header().keyId("key-1").type("at+jwt").and()
                .claims(claims().build()).signWith(publicKeyAsSecret, Jwts.SIG.HS256).compact();

        assertRejected(confused);
    }

    @Test
    void tokenSignedWithRs256IsRejected() {
        KeyPair rsa = rsaKeyPair();
        String token = Jwts.builder().header().keyId("key-1").type("at+jwt").and()
                .claims(claims().build()).signWith(rsa.getPrivate(), Jwts.SIG.RS256).compact();

        assertRejected(token);
    }

    @Test
    void tokenSignedWithPs256IsRejected() {
        KeyPair rsa = rsaKeyPair();
        String token = Jwts.builder().header().keyId("key-1").type("at+jwt").and()
                .claims(claims().build()).signWith(rsa.getPrivate(), Jwts.SIG.PS256).compact();

        assertRejected(token);
    }

    @Test
    void tokenSignedWithEs384IsRejected() {
        KeyPair p384 = Jwts.SIG.ES384.keyPair().build();
        String token = Jwts.builder().header().keyId("key-1").type("at+jwt").and()
                .claims(claims().build()).signWith(p384.getPrivate(), Jwts.SIG.ES384).compact();

        assertRejected(token);
    }

    // Headers that would let the token choose its key or its rules

    @Test
    void tokenThatEmbedsItsOwnKeyInAJwkHeaderIsRejected() {
        KeyPair attacker = JwtSigningKeys.generateKeyPair();
        String token = Jwts.builder()
                .header().keyId("key-1").type("at+jwt").jwk(Jwks.builder().key((ECPublicKey) attacker.getPublic()).build()).and()
                .claims(claims().build()).signWith(attacker.getPrivate(), Jwts.SIG.ES256).compact();

        assertRejected(token).hasMessage("header 'jwk' not allowed");
    }

    @Test
    void tokenThatPointsAtAKeySetWithAJkuHeaderIsRejected() {
        assertRejected(signed(claims(), header -> header.jwkSetUrl(ATTACKER_URL))).hasMessage("header 'jku' not allowed");
    }

    @Test
    void tokenThatPointsAtACertificateWithAnX5uHeaderIsRejected() {
        assertRejected(signed(claims(), header -> header.x509Url(ATTACKER_URL))).hasMessage("header 'x5u' not allowed");
    }

    @Test
    void tokenThatCarriesACertificateChainInAnX5cHeaderIsRejected() {
        KeyPair attacker = JwtSigningKeys.generateKeyPair();
        String token = Jwts.builder()
                .header().keyId("key-1").type("at+jwt").x509Chain(List.of(SelfSignedCertificate.of(attacker, "attacker", NOW))).and()
                .claims(claims().build()).signWith(attacker.getPrivate(), Jwts.SIG.ES256).compact();

        assertRejected(token).hasMessage("header 'x5c' not allowed");
    }

    @Test
    void tokenWithACriticalHeaderIsRejected() {
        String token = handcrafted("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"key-1\",\"crit\":[\"exp\"],\"exp\":"
                + NOW.plusSeconds(600).getEpochSecond() + "}", claimsJson(), keys.active().privateKey());

        assertRejected(token);
    }

    // Other kinds of token

    @Test
    void tokenTypedAsAPlainJwtIsRejected() {
        assertRejected(signed(claims(), header -> header.type("JWT"))).hasMessage("not an access token (typ)");
    }

    @Test
    void tokenWithoutATypeIsRejected() {
        String untyped = Jwts.builder().header().keyId("key-1").and()
                .claims(claims().build()).signWith(keys.active().privateKey(), Jwts.SIG.ES256).compact();

        assertRejected(untyped).hasMessage("not an access token (typ)");
    }

    @Test
    void oidcIdTokenOfAProviderIsRejected() {
        KeyPair provider = rsaKeyPair();
        String idToken = Jwts.builder().header().keyId("provider-key").type("JWT").and()
                .issuer("https://accounts.google.example").audience().add("syncline-client-id").and()
                .subject("108234567890").claim("email", "ada@gmail.example")
                .issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plusSeconds(3600)))
                .signWith(provider.getPrivate(), Jwts.SIG.RS256).compact();

        assertRejected(idToken);
    }

    @Test
    void idTokenShapedTokenSignedByOurOwnKeyIsRejected() {
        assertRejected(signed(claims().add("email", "ada@example.com"), header -> header.type("JWT")))
                .hasMessage("not an access token (typ)");
    }

    @Test
    void opaqueRefreshTokenIsRejected() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);

        assertRejected(refreshToken);
    }

    @Test
    void garbageAndOversizedTokensAreRejectedWithoutQuotingThem() {
        String garbage = "eyJhbGciOiJFUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.bm90LWEtc2lnbmF0dXJl";
        String oversized = "a".repeat(JwtService.MAX_TOKEN_LENGTH + 1);

        assertRejected(garbage).hasMessageNotContaining(garbage).hasMessageNotContaining("c2VjcmV0");
        assertRejected(oversized);
        assertRejected("");
        assertRejected(null);
    }

    // Times

    @Test
    void tokenExpiredForLessThanTheClockSkewIsAccepted() {
        AccessToken token = jwt.issue(USER, WORKSPACE, List.of("USER"), SESSION);

        clock.set(token.expiresAt().plus(SKEW).minusSeconds(1));

        assertThat(jwt.verify(token.value()).userId()).isEqualTo(USER);
    }

    @Test
    void tokenExpiredForMoreThanTheClockSkewIsRejected() {
        AccessToken token = jwt.issue(USER, WORKSPACE, List.of("USER"), SESSION);

        clock.set(token.expiresAt().plus(SKEW).plusSeconds(1));

        assertRejected(token.value()).hasMessageContaining("Expired");
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
        assertRejected(signed(claims().expiration(null))).hasMessage("no exp");
    }

    @Test
    void tokenIssuedBeyondTheClockSkewInTheFutureIsRejected() {
        assertRejected(signed(claims().issuedAt(Date.from(NOW.plus(SKEW).plusSeconds(5))))).hasMessage("iat in the future");
    }

    // Issuer, audience and the claims naming the caller

    @Test
    void tokenOfAnotherIssuerIsRejected() {
        assertRejected(signed(claims().issuer("https://elsewhere.test")));
    }

    @Test
    void tokenWithoutAnIssuerIsRejected() {
        assertRejected(signed(claims().issuer(null)));
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        assertRejected(signed(claims().audience().clear().add("another-api").and()));
    }

    @Test
    void tokenWithoutAnAudienceIsRejected() {
        assertRejected(signed(claims().audience().clear().and()));
    }

    @Test
    void tokenWithoutAUserIsRejected() {
        assertRejected(signed(claims().subject(null))).hasMessage("no valid sub");
        assertRejected(signed(claims().subject("not-a-uuid"))).hasMessage("no valid sub");
    }

    @Test
    void tokenWithoutAWorkspaceIsRejected() {
        assertRejected(signed(claims().delete("wid"))).hasMessage("no valid wid");
    }

    @Test
    void tokenWithoutASessionIsRejected() {
        assertRejected(signed(claims().delete("sid"))).hasMessage("no valid sid");
    }

    @Test
    void tokenWithASessionThatIsNoIdIsRejected() {
        assertRejected(signed(claims().add("sid", "family-1"))).hasMessage("no valid sid");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String token) {
        return assertThatThrownBy(() -> jwt.verify(token)).isInstanceOf(InvalidAccessTokenException.class);
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
                .add("sid", SESSION.toString())
                .add("roles", List.of("USER"))
                .issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plus(LIFETIME)))
                .id(UUID.randomUUID().toString());
    }

    private static String claimsJson() {
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + USER + "\",\"wid\":\"" + WORKSPACE
                + "\",\"sid\":\"" + SESSION + "\",\"roles\":[\"ADMIN\"],\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + "}";
    }

    private String signed(ClaimsBuilder claims) {
        return signed(claims, UnaryOperator.identity());
    }

    /** Signed by the active key with ES256, header {@code kid: key-1} and {@code typ: at+jwt} unless {@code header} changes them. */
    private String signed(ClaimsBuilder claims, UnaryOperator<JwtBuilder.BuilderHeader> header) {
        return header.apply(Jwts.builder().header().keyId("key-1").type("at+jwt")).and()
                .claims(claims.build())
                .signWith(keys.active().privateKey(), Jwts.SIG.ES256)
                .compact();
    }

    /** A JWS with exactly the given header, which the library's builder would not write, signed with ES256. */
    private static String handcrafted(String headerJson, String claimsJson, PrivateKey key) {
        String signingInput = base64Url(headerJson) + "." + base64Url(claimsJson);
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtSigningKeys.SigningKey newKey(String kid) {
        KeyPair pair = JwtSigningKeys.generateKeyPair();
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
}
