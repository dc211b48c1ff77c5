package dev.syncline.emulator.oauth;

import dev.syncline.emulator.OAuthEndpoints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenID Provider Metadata document (OpenID Connect Discovery 1.0, section 3) of an emulated provider:
 * what it really supports here (the code flow, PKCE S256 only, RS256 ID tokens), at the paths of
 * {@link OAuthEndpoints}.
 */
final class OpenIdConfiguration {

    private OpenIdConfiguration() {
    }

    /**
     * @param issuer      the {@code issuer} to publish: Google's own, or Microsoft's template or one tenant's issuer
     * @param subjectType {@code public} (Google) or {@code pairwise} (Microsoft's {@code sub} differs per application)
     * @param claims      the claims its ID tokens carry
     */
    static Map<String, Object> document(OAuthEndpoints endpoints, String issuer, String subjectType, List<String> claims) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", endpoints.authorizationUri());
        document.put("token_endpoint", endpoints.tokenUri());
        document.put("userinfo_endpoint", endpoints.userInfoUri());
        if (endpoints.revocationUri() != null) {
            document.put("revocation_endpoint", endpoints.revocationUri());
        }
        document.put("jwks_uri", endpoints.jwkSetUri());
        document.put("response_types_supported", List.of("code"));
        document.put("response_modes_supported", List.of("query"));
        document.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        document.put("subject_types_supported", List.of(subjectType));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid", "email", "profile"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("claims_supported", claims);
        return document;
    }
}
