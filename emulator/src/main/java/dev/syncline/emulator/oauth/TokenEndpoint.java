package dev.syncline.emulator.oauth;

import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.state.AccessToken;
import dev.syncline.emulator.state.AuthorizationCode;
import dev.syncline.emulator.state.Grant;
import dev.syncline.emulator.state.ProviderState;
import dev.syncline.emulator.state.RefreshToken;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The token endpoint: authenticates the client, then redeems an authorization code (with PKCE)
 * or a refresh token. Every call is counted, including its concurrency, before faults apply. A grant
 * whose scope includes {@code openid} also gets an ID token, on refresh too (without a nonce), as
 * both providers do.
 */
final class TokenEndpoint {

    private final ProviderState state;
    private final OAuthDialect dialect;
    private final FaultGate faults;
    private final IdTokenMinter idTokens;

    TokenEndpoint(ProviderState state, OAuthDialect dialect, IdTokenMinter idTokens) {
        this.state = state;
        this.dialect = dialect;
        this.faults = new FaultGate(state.faults(), dialect);
        this.idTokens = idTokens;
    }

    Response handle(Request request) throws InterruptedException {
        Map<String, String> form = request.form();
        String grantType = form.getOrDefault("grant_type", "");
        state.counters().tokenCallStarted(grantType);
        try {
            Optional<Response> injected = faults.apply(FaultEndpoint.TOKEN);
            return injected.isPresent() ? injected.get() : answer(request, form, grantType);
        } finally {
            state.counters().tokenCallFinished();
        }
    }

    private Response answer(Request request, Map<String, String> form, String grantType) {
        ClientCredentials client = ClientCredentials.from(request, form);
        Optional<Response> clientRejected = authenticate(client);
        if (clientRejected.isPresent()) {
            return clientRejected.get();
        }
        return switch (grantType) {
            case "authorization_code" -> redeemCode(client.clientId(), form);
            case "refresh_token" -> refresh(client.clientId(), form);
            default -> dialect.tokenError(TokenError.UNSUPPORTED_GRANT_TYPE, grantType);
        };
    }

    private Optional<Response> authenticate(ClientCredentials client) {
        if (client.clientId() == null || client.clientId().isBlank()) {
            return Optional.of(dialect.tokenError(TokenError.MISSING_CLIENT_ID, ""));
        }
        if (!state.config().clientId().equals(client.clientId())) {
            return Optional.of(dialect.tokenError(TokenError.UNKNOWN_CLIENT, client.clientId()));
        }
        if (client.clientSecret() == null || client.clientSecret().isEmpty()) {
            return Optional.of(dialect.tokenError(TokenError.MISSING_CLIENT_SECRET, ""));
        }
        if (!client.secretMatches(state.config().clientSecret())) {
            return Optional.of(dialect.tokenError(TokenError.WRONG_CLIENT_SECRET, ""));
        }
        return Optional.empty();
    }

    private Response redeemCode(String clientId, Map<String, String> form) {
        if (form.get("code") == null) {
            return dialect.tokenError(TokenError.MISSING_PARAMETER, "code");
        }
        Optional<AuthorizationCode> redeemed = state.codes().redeem(form.get("code"));
        if (redeemed.isEmpty() || !redeemed.get().clientId().equals(clientId)) {
            return dialect.tokenError(TokenError.INVALID_CODE, "");
        }
        AuthorizationCode code = redeemed.get();
        if (code.isExpiredAt(state.clock().instant())) {
            return dialect.tokenError(TokenError.EXPIRED_CODE, "");
        }
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            return dialect.tokenError(TokenError.REDIRECT_URI_MISMATCH, "");
        }
        if (form.get("code_verifier") == null) {
            return dialect.tokenError(TokenError.MISSING_CODE_VERIFIER, "");
        }
        if (!Pkce.verifierMatches(form.get("code_verifier"), code.codeChallenge())) {
            return dialect.tokenError(TokenError.CODE_VERIFIER_MISMATCH, "");
        }
        Grant grant = state.grants().grantFor(code.user(), clientId, code.scope());
        Optional<RefreshToken> refresh = code.issueRefreshToken()
                ? Optional.of(state.grants().issueRefreshToken(grant)) : Optional.empty();
        state.counters().codeRedeemed();
        return success(grant, refresh, code.scope(), code.nonce());
    }

    private Response refresh(String clientId, Map<String, String> form) {
        String presented = form.get("refresh_token");
        if (presented == null || presented.isEmpty()) {
            return dialect.tokenError(TokenError.MISSING_PARAMETER, "refresh_token");
        }
        Optional<RefreshToken> known = state.grants().refreshToken(presented)
                .filter(token -> token.grant().clientId().equals(clientId));
        if (known.isEmpty()) {
            return dialect.tokenError(TokenError.UNKNOWN_REFRESH_TOKEN, "");
        }
        if (!known.get().isLive()) {
            return dialect.tokenError(TokenError.REVOKED_GRANT, "");
        }
        Grant grant = known.get().grant();
        // Microsoft rotates (the old token stays valid); Google keeps the one the client has.
        Optional<RefreshToken> rotated = dialect.rotatesRefreshTokens()
                ? Optional.of(state.grants().issueRefreshToken(grant)) : Optional.empty();
        return success(grant, rotated, grant.scope(), null);
    }

    private Response success(Grant grant, Optional<RefreshToken> refresh, String scope, String nonce) {
        Duration lifetime = state.settings().accessTokenLifetime();
        AccessToken access = state.grants().issueAccessToken(grant, lifetime);
        Optional<String> idToken = Arrays.asList(scope.split(" ")).contains("openid")
                ? Optional.of(idTokens.mint(grant.user(), grant.clientId(), nonce)) : Optional.empty();
        IssuedTokens issued = new IssuedTokens(access.value(), lifetime.toSeconds(),
                refresh.map(RefreshToken::value), scope, idToken);
        // RFC 6749 §5.1: token responses must not be cached.
        return Response.json(200, dialect.tokenResponse(issued))
                .withHeader("Cache-Control", "no-store")
                .withHeader("Pragma", "no-cache");
    }
}
