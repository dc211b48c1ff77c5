package dev.syncline.providers.oauth;

import dev.syncline.messages.account.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;

/**
 * Builds authorization requests with PKCE (S256) through Spring Security's {@link OAuth2AuthorizationRequest},
 * and rebuilds the same request at the callback so that the code exchange sends the verifier.
 */
public final class AuthorizationRequests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final OAuthClientRegistry registry;

    public AuthorizationRequests(OAuthClientRegistry registry) {
        this.registry = registry;
    }

    /** Starts a flow for the provider; {@code loginHint} (may be null) pre-selects the account at the provider. */
    public AuthorizationStart begin(Provider provider, String redirectUri, String state, String loginHint) {
        String verifier = newCodeVerifier();
        Map<String, Object> parameters = new LinkedHashMap<>(registry.settings(provider).authorizationParameters());
        parameters.put(PkceParameterNames.CODE_CHALLENGE, challengeOf(verifier));
        parameters.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
        if (loginHint != null && !loginHint.isBlank()) {
            parameters.put("login_hint", loginHint);
        }
        OAuth2AuthorizationRequest request = request(provider, redirectUri, state, verifier)
                .additionalParameters(parameters)
                .build();
        return new AuthorizationStart(request.getAuthorizationRequestUri(), verifier);
    }

    /** The request as it was sent, carrying the verifier as the attribute Spring Security's token client reads. */
    OAuth2AuthorizationRequest rebuild(Provider provider, String redirectUri, String state, String codeVerifier) {
        return request(provider, redirectUri, state, codeVerifier).build();
    }

    private OAuth2AuthorizationRequest.Builder request(Provider provider, String redirectUri, String state, String verifier) {
        ClientRegistration registration = registry.registration(provider, redirectUri);
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(redirectUri)
                .scopes(registration.getScopes())
                .state(state)
                .attributes(attributes -> attributes.put(PkceParameterNames.CODE_VERIFIER, verifier));
    }

    private static String newCodeVerifier() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
