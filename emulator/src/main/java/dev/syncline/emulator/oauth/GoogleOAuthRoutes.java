package dev.syncline.emulator.oauth;

import dev.syncline.emulator.EmulatedUser;
import dev.syncline.emulator.OAuthEndpoints;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.http.RouteModule;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.state.ProviderState;
import dev.syncline.emulator.state.UserIds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Google's OAuth and OpenID Connect endpoints, on the paths of accounts.google.com,
 * oauth2.googleapis.com, openidconnect.googleapis.com and www.googleapis.com, so one base URL stands in
 * for all of them (and is the issuer of the ID tokens).
 */
public final class GoogleOAuthRoutes implements RouteModule {

    private static final List<String> ID_TOKEN_CLAIMS =
            List.of("iss", "sub", "aud", "iat", "exp", "nonce", "email", "email_verified", "name");

    private final ProviderState state;
    private final OAuthEndpoints endpoints;
    private final AuthorizeEndpoint authorize;
    private final TokenEndpoint token;
    private final RevokeEndpoint revoke;
    private final UserInfoEndpoint userInfo;

    public GoogleOAuthRoutes(ProviderState state, OAuthEndpoints endpoints) {
        GoogleDialect dialect = new GoogleDialect();
        this.state = state;
        this.endpoints = endpoints;
        this.authorize = new AuthorizeEndpoint(state, dialect, "Google");
        this.token = new TokenEndpoint(state, dialect, new IdTokenMinter(state, new GoogleIdTokenProfile(endpoints.issuer())));
        this.revoke = new RevokeEndpoint(state, dialect);
        this.userInfo = new UserInfoEndpoint(state, dialect, GoogleOAuthRoutes::profile);
    }

    @Override
    public void register(Router router) {
        router.get("/o/oauth2/v2/auth", authorize::show)
                .post("/o/oauth2/v2/auth", authorize::decide)
                .post("/token", token::handle)
                .post("/revoke", revoke::handle)
                .get("/v1/userinfo", userInfo::handle)
                // The same endpoint as published under www.googleapis.com, which many libraries use.
                .get("/oauth2/v3/userinfo", userInfo::handle)
                .get("/.well-known/openid-configuration", request -> Response.json(200,
                        OpenIdConfiguration.document(endpoints, endpoints.issuer(), "public", ID_TOKEN_CLAIMS)))
                .get("/oauth2/v3/certs", request -> Response.json(200, state.signingKeys().jwkSet()));
    }

    private static Map<String, Object> profile(EmulatedUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", UserIds.googleSubject(user.email()));
        body.put("email", user.email());
        body.put("email_verified", true);
        body.put("name", user.name());
        return body;
    }
}
