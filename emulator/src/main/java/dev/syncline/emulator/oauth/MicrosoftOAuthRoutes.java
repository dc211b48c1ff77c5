package dev.syncline.emulator.oauth;

import dev.syncline.emulator.EmulatedUser;
import dev.syncline.emulator.OAuthEndpoints;
import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.http.RouteHandler;
import dev.syncline.emulator.http.RouteModule;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.state.ProviderState;
import dev.syncline.emulator.state.UserIds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Microsoft identity platform endpoints on the paths of login.microsoftonline.com (per tenant)
 * and graph.microsoft.com. There is deliberately no revocation endpoint: Entra has none. Discovery
 * under a well-known tenant ({@code common}, …) publishes the issuer template with the literal
 * {@code {tenantid}}, as Entra does; under one tenant, that tenant's issuer.
 */
public final class MicrosoftOAuthRoutes implements RouteModule {

    private static final Set<String> WELL_KNOWN_TENANTS = Set.of("common", "organizations", "consumers");
    private static final Pattern TENANT_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Tenants may also be named by a verified domain, e.g. contoso.onmicrosoft.com. */
    private static final Pattern TENANT_DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final List<String> ID_TOKEN_CLAIMS = List.of("iss", "sub", "aud", "iat", "exp", "nonce", "oid",
            "tid", "email", "email_verified", "name", "preferred_username", "ver");

    private final ProviderState state;
    private final OAuthEndpoints endpoints;
    private final MicrosoftDialect dialect;
    private final AuthorizeEndpoint authorize;
    private final TokenEndpoint token;
    private final UserInfoEndpoint oidcUserInfo;
    private final UserInfoEndpoint graphMe;

    public MicrosoftOAuthRoutes(ProviderState state, OAuthEndpoints endpoints) {
        this.state = state;
        this.endpoints = endpoints;
        this.dialect = new MicrosoftDialect(state.clock(), state.config().clientId());
        this.authorize = new AuthorizeEndpoint(state, dialect, "Microsoft");
        this.token = new TokenEndpoint(state, dialect, new IdTokenMinter(state, new MicrosoftIdTokenProfile(endpoints)));
        this.oidcUserInfo = new UserInfoEndpoint(state, dialect, MicrosoftOAuthRoutes::oidcProfile);
        this.graphMe = new UserInfoEndpoint(state, dialect, MicrosoftOAuthRoutes::graphUser);
    }

    @Override
    public void register(Router router) {
        router.get("/{tenant}/oauth2/v2.0/authorize", inTenant(authorize::show, true))
                .post("/{tenant}/oauth2/v2.0/authorize", inTenant(authorize::decide, true))
                .post("/{tenant}/oauth2/v2.0/token", inTenant(token::handle, false))
                .get("/{tenant}/v2.0/.well-known/openid-configuration", inTenant(this::discovery, false))
                .get("/{tenant}/discovery/v2.0/keys",
                        inTenant(request -> Response.json(200, state.signingKeys().jwkSet()), false))
                .get("/oidc/userinfo", oidcUserInfo::handle)
                .get("/v1.0/me", graphMe::handle);
    }

    private RouteHandler inTenant(RouteHandler handler, boolean browserFacing) {
        return request -> isKnownTenant(request.pathVariable("tenant"))
                ? handler.handle(request) : unknownTenant(request, browserFacing);
    }

    private Response unknownTenant(Request request, boolean browserFacing) {
        String tenant = request.pathVariable("tenant");
        return browserFacing
                ? dialect.authorizeErrorPage(AuthorizePageError.UNKNOWN_TENANT, tenant)
                : dialect.tokenError(TokenError.UNKNOWN_TENANT, tenant);
    }

    private Response discovery(Request request) {
        String tenant = request.pathVariable("tenant");
        String issuer = WELL_KNOWN_TENANTS.contains(tenant) ? endpoints.issuer() : endpoints.issuerOfTenant(tenantId(tenant));
        return Response.json(200, OpenIdConfiguration.document(endpoints, issuer, "pairwise", ID_TOKEN_CLAIMS));
    }

    /** A tenant path segment names the tenant by id or by one of its verified domains. */
    private static String tenantId(String tenant) {
        return TENANT_ID.matcher(tenant).matches() ? tenant.toLowerCase(Locale.ROOT)
                : UserIds.microsoftTenantIdOfDomain(tenant);
    }

    static boolean isKnownTenant(String tenant) {
        return WELL_KNOWN_TENANTS.contains(tenant) || TENANT_ID.matcher(tenant).matches()
                || TENANT_DOMAIN.matcher(tenant).matches();
    }

    private static Map<String, Object> oidcProfile(EmulatedUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", UserIds.microsoftSubject(user.email()));
        body.put("email", user.email());
        body.put("name", user.name());
        return body;
    }

    private static Map<String, Object> graphUser(EmulatedUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UserIds.microsoftObjectId(user.email()));
        body.put("mail", user.email());
        body.put("userPrincipalName", user.email());
        body.put("displayName", user.name());
        return body;
    }
}
