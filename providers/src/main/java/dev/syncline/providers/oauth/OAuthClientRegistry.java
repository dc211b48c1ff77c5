package dev.syncline.providers.oauth;

import dev.syncline.messages.account.Provider;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The OAuth clients Syncline has registered with each provider for connecting mail and calendar
 * accounts, as Spring Security {@link ClientRegistration}s. Login with a provider is a different
 * registration with minimal scopes and does not live here.
 */
public final class OAuthClientRegistry {

    private final Map<Provider, OAuthClientSettings> settings = new EnumMap<>(Provider.class);

    public OAuthClientRegistry(Iterable<OAuthClientSettings> clients) {
        clients.forEach(client -> settings.put(client.provider(), client));
    }

    /** The settings of a configured provider, if it has a client id. */
    public Optional<OAuthClientSettings> find(Provider provider) {
        return Optional.ofNullable(settings.get(provider)).filter(s -> s.clientId() != null && !s.clientId().isBlank());
    }

    public OAuthClientSettings settings(Provider provider) {
        return find(provider).orElseThrow(() -> new ProviderNotConfiguredException(provider));
    }

    /** The Spring Security registration of the provider's client, with the given redirect URI. */
    public ClientRegistration registration(Provider provider, String redirectUri) {
        OAuthClientSettings client = settings(provider);
        return ClientRegistration.withRegistrationId(provider.id() + "-connect")
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri == null ? "{baseUrl}/api/v1/accounts/callback/" + provider.id() : redirectUri)
                .scope(client.scopes())
                .authorizationUri(client.authorizationUri())
                .tokenUri(client.tokenUri())
                .userInfoUri(client.userInfoUri())
                .userNameAttributeName("sub")
                .clientName(provider.name())
                .build();
    }
}
