package dev.syncline.api.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and verifies the app's access tokens: JWTs signed with ES256 by the active key of
 * {@link JwtSigningKeys}, header {@code kid} and {@code typ: at+jwt} (RFC 9068), claims {@code iss},
 * {@code aud}, {@code sub} (user id), {@code wid} (workspace id), {@code sid} (the session the token
 * belongs to), {@code roles}, {@code iat}, {@code exp} and {@code jti}.
 *
 * <p>Verification looks at the header before any key is used: it accepts ES256 only, the access-token
 * type only, a {@code kid} among the listed keys only, and refuses headers that would let the token
 * choose its own key or processing rules ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c},
 * {@code crit}). It then requires a valid signature, our issuer and audience, {@code exp} within the
 * clock skew, and a user, workspace and session id.
 */
public class JwtService {

    public static final String TOKEN_TYPE = "at+jwt";
    public static final String WORKSPACE_CLAIM = "wid";
    public static final String ROLES_CLAIM = "roles";
    public static final String SESSION_CLAIM = "sid";
    /**
     * Headers that point at a key or certificate the token brings along, or that demand processing
     * rules ({@code crit}); our tokens never carry them, and honouring one would let a forger pick the key.
     */
    static final Set<String> FORBIDDEN_HEADERS = Set.of("jwk", "jku", "x5u", "x5c", "crit");
    /** Longer than any token we issue; keeps the parser away from absurd input. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final JwtSigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration accessTokenLifetime;
    private final Duration clockSkew;
    private final Clock clock;
    private final JwtParser parser;

    public JwtService(JwtSigningKeys keys, String issuer, String audience, Duration accessTokenLifetime,
                      Duration clockSkew, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("Access tokens need an issuer (syncline.security.jwt.issuer) and an audience");
        }
        this.issuer = issuer;
        this.audience = audience;
        this.accessTokenLifetime = Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.parser = Jwts.parser()
                .keyLocator(new KnownKeyLocator(keys))
                .sig().clear().add(Jwts.SIG.ES256).and()
                .zip().clear().and()
                .requireIssuer(issuer)
                .requireAudience(audience)
                .clockSkewSeconds(clockSkew.toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /** Signs a new access token for the given user and session with the active key. */
    public AccessToken issue(UUID userId, UUID workspaceId, Collection<String> roles, UUID sessionId) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(sessionId, "sessionId");
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(accessTokenLifetime);
        String id = UUID.randomUUID().toString();
        JwtSigningKeys.SigningKey signingKey = keys.active();
        String token = Jwts.builder()
                .header().keyId(signingKey.keyId()).type(TOKEN_TYPE).and()
                .issuer(issuer)
                .audience().add(audience).and()
                .subject(userId.toString())
                .claim(WORKSPACE_CLAIM, workspaceId.toString())
                .claim(SESSION_CLAIM, sessionId.toString())
                .claim(ROLES_CLAIM, List.copyOf(new LinkedHashSet<>(roles == null ? List.of() : roles)))
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(expiresAt))
                .id(id)
                .signWith(signingKey.privateKey(), Jwts.SIG.ES256)
                .compact();
        return new AccessToken(token, id, issuedAt, expiresAt);
    }

    /**
     * Verifies a compact token and answers who it names.
     *
     * @throws InvalidAccessTokenException whatever is wrong with it; the message names the reason, never the token
     */
    public CurrentUser verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidAccessTokenException("empty token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidAccessTokenException("token too long");
        }
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (RejectedHeaderException e) {
            throw new InvalidAccessTokenException(e.getMessage(), e);
        } catch (JwtException | IllegalArgumentException e) {
            // The library's messages may quote the header or claims: the class name is reason enough for the log.
            throw new InvalidAccessTokenException(e.getClass().getSimpleName(), e);
        }
        Claims claims = jws.getPayload();
        Instant now = clock.instant();
        if (claims.getExpiration() == null) {
            throw new InvalidAccessTokenException("no exp");
        }
        if (claims.getIssuedAt() != null && claims.getIssuedAt().toInstant().isAfter(now.plus(clockSkew))) {
            throw new InvalidAccessTokenException("iat in the future");
        }
        return new CurrentUser(uuid(claims.getSubject(), "sub"), uuid(claims.get(WORKSPACE_CLAIM), WORKSPACE_CLAIM),
                null, roles(claims.get(ROLES_CLAIM)), uuid(claims.get(SESSION_CLAIM), SESSION_CLAIM));
    }

    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    private static UUID uuid(Object value, String claim) {
        if (value instanceof String text) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                // falls through to the rejection below
            }
        }
        throw new InvalidAccessTokenException("no valid " + claim);
    }

    private static Set<String> roles(Object value) {
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof Collection<?> collection) || !collection.stream().allMatch(String.class::isInstance)) {
            throw new InvalidAccessTokenException("roles is not a list of strings");
        }
        return Set.copyOf(collection.stream().map(String.class::cast).toList());
    }

    private static boolean isAccessTokenType(String type) {
        return type != null && (type.equalsIgnoreCase(TOKEN_TYPE) || type.equalsIgnoreCase("application/" + TOKEN_TYPE));
    }

    /**
     * Judges the header before any key is used, then finds the verification key by {@code kid} among
     * the keys we list. Anything else is rejected, so no token can pick its own key or algorithm.
     */
    private static final class KnownKeyLocator extends LocatorAdapter<Key> {

        private final JwtSigningKeys keys;

        KnownKeyLocator(JwtSigningKeys keys) {
            this.keys = keys;
        }

        @Override
        protected Key locate(JwsHeader header) {
            if (!Jwts.SIG.ES256.getId().equals(header.getAlgorithm())) {
                throw new RejectedHeaderException("algorithm not allowed");
            }
            FORBIDDEN_HEADERS.stream().filter(header::containsKey).sorted().findFirst().ifPresent(name -> {
                throw new RejectedHeaderException("header '" + name + "' not allowed");
            });
            if (!isAccessTokenType(header.getType())) {
                throw new RejectedHeaderException("not an access token (typ)");
            }
            return keys.find(header.getKeyId())
                    .map(JwtSigningKeys.SigningKey::publicKey)
                    .orElseThrow(() -> new RejectedHeaderException("unknown kid"));
        }
    }

    /** A header refused by {@link KnownKeyLocator}; its message is ours and names the reason only. */
    private static final class RejectedHeaderException extends JwtException {

        RejectedHeaderException(String reason) {
            super(reason);
        }
    }
}
