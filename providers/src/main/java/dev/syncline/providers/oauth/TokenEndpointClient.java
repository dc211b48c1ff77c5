package dev.syncline.providers.oauth;

import dev.syncline.messages.account.IssuedTokens;
import dev.syncline.messages.account.Provider;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestTemplate;
import dev.syncline.providers.metering.MeteredOAuthCalls;
import dev.syncline.providers.metering.ProviderCallListener;

/**
 * Calls the providers' token and user-info endpoints through spring-security-oauth2-client: the
 * authorization-code exchange (with the PKCE verifier) and the refresh-token grant. Every failure comes
 * out as a {@link TokenEndpointException} classified on the OAuth {@code error} field.
 */
public final class TokenEndpointClient {

    private final OAuthClientRegistry registry;
    private final AuthorizationRequests authorizationRequests;
    private final RestClientAuthorizationCodeTokenResponseClient codeClient = new RestClientAuthorizationCodeTokenResponseClient();
    private final RestClientRefreshTokenTokenResponseClient refreshClient = new RestClientRefreshTokenTokenResponseClient();
    private final DefaultOAuth2UserService userService = new DefaultOAuth2UserService();

    public TokenEndpointClient(OAuthClientRegistry registry, AuthorizationRequests authorizationRequests, Duration timeout) {
        this(registry, authorizationRequests, timeout, ProviderCallListener.NONE);
    }

    /** @param calls told of every call to a token or user-info endpoint */
    public TokenEndpointClient(OAuthClientRegistry registry, AuthorizationRequests authorizationRequests, Duration timeout,
                               ProviderCallListener calls) {
        this.registry = registry;
        this.authorizationRequests = authorizationRequests;
        MeteredOAuthCalls metering = new MeteredOAuthCalls(registry, calls);
        codeClient.setRestClient(ProviderHttp.restClient(timeout, metering));
        refreshClient.setRestClient(ProviderHttp.restClient(timeout, metering));
        RestTemplate userInfoHttp = new RestTemplate(ProviderHttp.restClientRequestFactory(timeout));
        userInfoHttp.getInterceptors().add(metering);
        userService.setRestOperations(userInfoHttp);
    }

    /** Exchanges an authorization code for tokens, then asks the provider who the tokens belong to. */
    public ConnectedIdentity exchangeCode(Provider provider, String code, String redirectUri, String state, String codeVerifier) {
        ClientRegistration registration = registry.registration(provider, redirectUri);
        OAuth2AuthorizationExchange exchange = new OAuth2AuthorizationExchange(
                authorizationRequests.rebuild(provider, redirectUri, state, codeVerifier),
                OAuth2AuthorizationResponse.success(code).redirectUri(redirectUri).state(state).build());
        OAuth2AccessTokenResponse response = call(() -> codeClient.getTokenResponse(
                new OAuth2AuthorizationCodeGrantRequest(registration, exchange)));
        OAuth2AccessToken accessToken = response.getAccessToken();
        Set<String> scopes = accessToken.getScopes().isEmpty() ? registration.getScopes() : accessToken.getScopes();
        IssuedTokens tokens = new IssuedTokens(accessToken.getTokenValue(),
                response.getRefreshToken() == null ? null : response.getRefreshToken().getTokenValue(),
                expiryOf(accessToken), scopes);
        OAuth2User user = call(() -> userService.loadUser(new OAuth2UserRequest(registration, accessToken)));
        Map<String, Object> attributes = user.getAttributes();
        String email = firstText(attributes, "email", "mail", "preferred_username", "userPrincipalName");
        if (email == null) {
            throw new TokenEndpointException("missing_email", "The provider's user info names no email address", 0, null);
        }
        return new ConnectedIdentity(tokens, user.getName(), email, firstText(attributes, "name", "displayName"));
    }

    /** Uses a refresh token; the answer tells whether the provider rotated it. */
    public RefreshedTokens refresh(Provider provider, String refreshToken, Set<String> scopes) {
        ClientRegistration registration = registry.registration(provider, null);
        // The grant request wants the current access token only to carry its scopes; its value is never sent.
        OAuth2AccessToken placeholder = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "unused",
                Instant.EPOCH, Instant.EPOCH.plusSeconds(1), scopes);
        OAuth2AccessTokenResponse response = call(() -> refreshClient.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                registration, placeholder, new OAuth2RefreshToken(refreshToken, null), scopes)));
        OAuth2AccessToken accessToken = response.getAccessToken();
        OAuth2RefreshToken returned = response.getRefreshToken();
        String rotated = returned == null || returned.getTokenValue().equals(refreshToken) ? null : returned.getTokenValue();
        return new RefreshedTokens(accessToken.getTokenValue(), rotated, expiryOf(accessToken),
                accessToken.getScopes().isEmpty() ? scopes : accessToken.getScopes());
    }

    /**
     * To the second, as {@code expires_in} counts: the expiry identifies the token in events and in the vault, and
     * the vault keeps microseconds, so a finer instant made the two differ and a rejected token unrecognizable.
     */
    private static Instant expiryOf(OAuth2AccessToken token) {
        // A provider that omits expires_in gets Spring's one-second default; treat it as the usual hour.
        Instant expiresAt = token.getExpiresAt() != null && token.getExpiresAt().isAfter(token.getIssuedAt().plusSeconds(1))
                ? token.getExpiresAt()
                : token.getIssuedAt().plusSeconds(3600);
        return expiresAt.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String firstText(Map<String, Object> attributes, String... names) {
        for (String name : names) {
            Object value = attributes.get(name);
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /** Runs a provider call and translates whatever it throws into one exception type. */
    static <T> T call(java.util.function.Supplier<T> providerCall) {
        try {
            return providerCall.get();
        } catch (TokenEndpointException e) {
            throw e;
        } catch (OAuth2AuthorizationException | OAuth2AuthenticationException | org.springframework.web.client.RestClientException e) {
            throw translate(e);
        }
    }

    private static TokenEndpointException translate(RuntimeException e) {
        boolean networkFailure = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TokenEndpointException endpointError) {
                return endpointError;
            }
            if (cause instanceof HttpTimeoutException || cause instanceof java.net.SocketTimeoutException) {
                return new TokenEndpointException("timeout", "The provider did not answer in time", 0, null);
            }
            networkFailure |= cause instanceof ResourceAccessException;
        }
        if (!networkFailure && e instanceof OAuth2AuthorizationException authorization) {
            return new TokenEndpointException(authorization.getError().getErrorCode(), authorization.getError().getDescription(), 0, null);
        }
        if (!networkFailure && e instanceof OAuth2AuthenticationException authentication) {
            return new TokenEndpointException(authentication.getError().getErrorCode(), authentication.getError().getDescription(), 0, null);
        }
        return new TokenEndpointException("unreachable", "The provider could not be reached", 0, null);
    }
}
