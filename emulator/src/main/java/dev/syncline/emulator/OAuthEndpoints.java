package dev.syncline.emulator;

/**
 * Where a client finds one emulated provider's OAuth and OpenID Connect endpoints: the single place that
 * knows the paths, so that applications and tests pointing at the emulator never spell them out.
 *
 * @param revocationUri {@code null} for Microsoft, which has no revocation endpoint
 * @param issuer        the {@code iss} of the provider's ID tokens; for Microsoft, whose endpoints serve every
 *                      tenant, the template with the literal {@value #TENANT_ID_PLACEHOLDER} that its discovery
 *                      document publishes: each ID token carries the issuer of its own tenant ({@code tid})
 * @param jwkSetUri     the JWK Set with the keys that sign the ID tokens
 */
public record OAuthEndpoints(String authorizationUri, String tokenUri, String revocationUri, String userInfoUri,
                             String issuer, String jwkSetUri) {

    /** What Microsoft's multi-tenant issuer has in place of the tenant id. */
    public static final String TENANT_ID_PLACEHOLDER = "{tenantid}";

    public static OAuthEndpoints of(EmulatedProvider provider, String baseUrl) {
        return switch (provider) {
            case GOOGLE -> new OAuthEndpoints(baseUrl + "/o/oauth2/v2/auth", baseUrl + "/token", baseUrl + "/revoke",
                    baseUrl + "/v1/userinfo", baseUrl, baseUrl + "/oauth2/v3/certs");
            case MICROSOFT -> new OAuthEndpoints(baseUrl + "/common/oauth2/v2.0/authorize",
                    baseUrl + "/common/oauth2/v2.0/token", null, baseUrl + "/oidc/userinfo",
                    baseUrl + "/" + TENANT_ID_PLACEHOLDER + "/v2.0", baseUrl + "/common/discovery/v2.0/keys");
        };
    }

    /** The issuer of one tenant's ID tokens; Google's issuer has no tenant and stays as it is. */
    public String issuerOfTenant(String tenantId) {
        return issuer.replace(TENANT_ID_PLACEHOLDER, tenantId);
    }
}
