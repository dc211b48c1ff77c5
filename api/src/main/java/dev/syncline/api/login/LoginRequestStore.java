package dev.syncline.api.login;

import dev.syncline.api.security.Sha256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.stereotype.Component;

/**
 * The authorization requests of logins in flight, in PostgreSQL so that any node can take the callback of a
 * login another node started. A request is found by the hash of its state together with the hash of the
 * browser key it was bound to, and taking it deletes it in the same statement: a state works once, even
 * under concurrent callbacks, and so the code it came with is exchanged at most once.
 */
@Component
class LoginRequestStore {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Longer states are not ours (Spring's are 44 characters); they are refused before any hashing or query. */
    private static final int MAX_STATE_LENGTH = 200;
    private static final String COLUMNS = "registration_id, authorization_uri, client_id, redirect_uri, scopes, nonce, "
            + "code_verifier, redirect_to, expires_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginRequestStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void save(OAuth2AuthorizationRequest request, String browserKey) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM oidc_login_request WHERE expires_at < :now").param("now", Timestamp.from(now)).update();
        jdbc.sql("""
                        INSERT INTO oidc_login_request (state_hash, browser_hash, registration_id, authorization_uri, client_id,
                            redirect_uri, scopes, nonce, code_verifier, redirect_to, created_at, expires_at)
                        VALUES (:state, :browser, :registration, :authorizationUri, :clientId, :redirectUri, :scopes, :nonce,
                            :codeVerifier, :redirectTo, :now, :expires)""")
                .param("state", Sha256.hex(request.getState()))
                .param("browser", Sha256.hex(browserKey))
                .param("registration", required(request, OAuth2ParameterNames.REGISTRATION_ID))
                .param("authorizationUri", request.getAuthorizationUri())
                .param("clientId", request.getClientId())
                .param("redirectUri", request.getRedirectUri())
                .param("scopes", String.join(" ", request.getScopes()))
                .param("nonce", required(request, OidcParameterNames.NONCE))
                .param("codeVerifier", required(request, PkceParameterNames.CODE_VERIFIER))
                .param("redirectTo", request.<String>getAttribute(LoginAuthorizationRequestResolver.REDIRECT_TO_ATTRIBUTE))
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LIFETIME)))
                .update();
    }

    /** The request of this state and browser, if it is still waiting; it stays waiting. */
    Optional<OAuth2AuthorizationRequest> find(String state, Optional<String> browserKey) {
        if (!plausible(state) || browserKey.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM oidc_login_request WHERE state_hash = :state AND browser_hash = :browser")
                .param("state", Sha256.hex(state))
                .param("browser", Sha256.hex(browserKey.get()))
                .query((row, number) -> stored(row, state))
                .optional()
                .filter(this::isLive)
                .map(Stored::request);
    }

    /**
     * Takes the request of this state and browser for good, if it has not expired. A state presented by another
     * browser (or with no binding cookie) takes nothing, and stays usable by the browser it belongs to.
     */
    Optional<OAuth2AuthorizationRequest> consume(String state, Optional<String> browserKey) {
        if (!plausible(state) || browserKey.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("DELETE FROM oidc_login_request WHERE state_hash = :state AND browser_hash = :browser RETURNING " + COLUMNS)
                .param("state", Sha256.hex(state))
                .param("browser", Sha256.hex(browserKey.get()))
                .query((row, number) -> stored(row, state))
                .optional()
                .filter(this::isLive)
                .map(Stored::request);
    }

    private boolean isLive(Stored stored) {
        return stored.expiresAt().isAfter(clock.instant());
    }

    private static boolean plausible(String state) {
        return state != null && !state.isBlank() && state.length() <= MAX_STATE_LENGTH;
    }

    private static String required(OAuth2AuthorizationRequest request, String attribute) {
        Object value = request.getAttribute(attribute);
        if (!(value instanceof String text) || text.isEmpty()) {
            throw new IllegalStateException("A login authorization request lacks its " + attribute);
        }
        return text;
    }

    /** The request as Spring built it, minus what only the redirect needed (the hashed nonce, the PKCE challenge). */
    private static Stored stored(ResultSet row, String state) throws SQLException {
        String registrationId = row.getString("registration_id");
        String nonce = row.getString("nonce");
        String codeVerifier = row.getString("code_verifier");
        String redirectTo = row.getString("redirect_to");
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(row.getString("authorization_uri"))
                .clientId(row.getString("client_id"))
                .redirectUri(row.getString("redirect_uri"))
                .scopes(new LinkedHashSet<>(Arrays.asList(row.getString("scopes").split(" "))))
                .state(state)
                .attributes(attributes -> {
                    attributes.put(OAuth2ParameterNames.REGISTRATION_ID, registrationId);
                    attributes.put(OidcParameterNames.NONCE, nonce);
                    attributes.put(PkceParameterNames.CODE_VERIFIER, codeVerifier);
                    if (redirectTo != null) {
                        attributes.put(LoginAuthorizationRequestResolver.REDIRECT_TO_ATTRIBUTE, redirectTo);
                    }
                })
                .build();
        return new Stored(request, row.getTimestamp("expires_at").toInstant());
    }

    private record Stored(OAuth2AuthorizationRequest request, Instant expiresAt) {
    }
}
