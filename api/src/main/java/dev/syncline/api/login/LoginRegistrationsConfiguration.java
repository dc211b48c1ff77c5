package dev.syncline.api.login;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.OAuthEndpoints;
import dev.syncline.emulator.ProviderConfig;
import dev.syncline.messages.session.LoginMethod;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * The login client registrations. With the emulator running in-process (the embedded default and tests) they
 * point at it, exactly as the connect flow's clients do; otherwise they come from {@code syncline.login}.
 */
@Configuration(proxyBeanMethods = false)
public class LoginRegistrationsConfiguration {

    /** Where the provider sends the browser back; one path per provider, so a response cannot be taken for another's. */
    public static final String CALLBACK_PATH = "/api/v1/auth/callback/";

    @Bean
    LoginClientRegistrations loginClientRegistrations(LoginProperties properties, ObjectProvider<EmulatorServer> emulator,
                                                      @Value("${syncline.public-base-url}") String publicBaseUrl) {
        String redirectUri = stripTrailingSlash(publicBaseUrl) + CALLBACK_PATH + "{registrationId}";
        EmulatorServer server = emulator.getIfAvailable();
        List<ClientRegistration> registrations = new ArrayList<>();
        for (LoginMethod method : List.of(LoginMethod.GOOGLE, LoginMethod.MICROSOFT)) {
            LoginProperties.Provider provider = server != null ? emulated(server, method) : configured(properties, method);
            if (provider.isConfigured()) {
                registrations.add(registration(LoginProviders.registrationId(method), provider, redirectUri));
            }
        }
        return new LoginClientRegistrations(registrations);
    }

    private static LoginProperties.Provider configured(LoginProperties properties, LoginMethod method) {
        return method == LoginMethod.GOOGLE ? properties.google() : properties.microsoft();
    }

    private static LoginProperties.Provider emulated(EmulatorServer server, LoginMethod method) {
        EmulatedProvider provider = method == LoginMethod.GOOGLE ? EmulatedProvider.GOOGLE : EmulatedProvider.MICROSOFT;
        ProviderConfig client = server.config().provider(provider);
        OAuthEndpoints endpoints = server.oauthEndpoints(provider);
        return new LoginProperties.Provider(client.clientId(), client.clientSecret(), endpoints.issuer(),
                endpoints.authorizationUri(), endpoints.tokenUri(), endpoints.jwkSetUri(), endpoints.userInfoUri());
    }

    private static ClientRegistration registration(String registrationId, LoginProperties.Provider provider,
                                                   String redirectUri) {
        return ClientRegistration.withRegistrationId(registrationId)
                .clientName(LoginProviders.displayName(registrationId))
                .clientId(provider.clientId())
                .clientSecret(provider.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                // Identity only: mail and calendar access is the connect flow's, asked for when a user connects.
                .scope(OidcScopes.OPENID, OidcScopes.EMAIL, OidcScopes.PROFILE)
                .issuerUri(provider.issuerUri())
                .authorizationUri(provider.authorizationUri())
                .tokenUri(provider.tokenUri())
                .jwkSetUri(provider.jwkSetUri())
                .userInfoUri(provider.userInfoUri())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .build();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
