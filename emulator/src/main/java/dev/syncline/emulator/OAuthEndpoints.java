package dev.syncline.emulator;

/**
 * Where a client finds one emulated provider's OAuth endpoints: the single place that knows the paths,
 * so that applications and tests pointing at the emulator never spell them out.
 *
 * @param revocationUri {@code null} for Microsoft, which has no revocation endpoint
 */
public record OAuthEndpoints(String authorizationUri, String tokenUri, String revocationUri, String userInfoUri) {

    public static OAuthEndpoints of(EmulatedProvider provider, String baseUrl) {
        return switch (provider) {
            case GOOGLE -> new OAuthEndpoints(baseUrl + "/o/oauth2/v2/auth", baseUrl + "/token", baseUrl + "/revoke",
                    baseUrl + "/v1/userinfo");
            case MICROSOFT -> new OAuthEndpoints(baseUrl + "/common/oauth2/v2.0/authorize",
                    baseUrl + "/common/oauth2/v2.0/token", null, baseUrl + "/oidc/userinfo");
        };
    }
}
