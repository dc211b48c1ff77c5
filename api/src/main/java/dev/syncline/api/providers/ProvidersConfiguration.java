package dev.syncline.api.providers;

import dev.syncline.providers.metering.ProviderCallListener;
import dev.syncline.command.token.TokenSettings;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.OAuthEndpoints;
import dev.syncline.emulator.ProviderConfig;
import dev.syncline.messages.account.Provider;
import dev.syncline.providers.oauth.AuthorizationRequests;
import dev.syncline.providers.oauth.Backoff;
import dev.syncline.providers.oauth.OAuthClientRegistry;
import dev.syncline.providers.oauth.OAuthClientSettings;
import dev.syncline.providers.oauth.TokenEndpointClient;
import dev.syncline.providers.oauth.TokenRevocationClient;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the provider adapters. With the emulator running in-process (the embedded default and tests),
 * every endpoint and client registration points at it; otherwise they come from {@code syncline.providers}.
 */
@Configuration(proxyBeanMethods = false)
public class ProvidersConfiguration {

    @Bean
    OAuthClientRegistry oauthClientRegistry(ProvidersProperties properties, ObjectProvider<EmulatorServer> emulator) {
        EmulatorServer server = emulator.getIfAvailable();
        if (server != null) {
            return new OAuthClientRegistry(List.of(
                    emulated(Provider.GOOGLE, server, properties.google()),
                    emulated(Provider.MICROSOFT, server, properties.microsoft())));
        }
        return new OAuthClientRegistry(List.of(
                configured(Provider.GOOGLE, properties.google()),
                configured(Provider.MICROSOFT, properties.microsoft())));
    }

    @Bean
    AuthorizationRequests authorizationRequests(OAuthClientRegistry registry) {
        return new AuthorizationRequests(registry);
    }

    @Bean
    TokenEndpointClient tokenEndpointClient(OAuthClientRegistry registry, AuthorizationRequests requests, TokenSettings settings,
                                            ProviderCallListener calls) {
        return new TokenEndpointClient(registry, requests, settings.providerTimeout(), calls);
    }

    @Bean
    TokenRevocationClient tokenRevocationClient(OAuthClientRegistry registry, TokenSettings settings, ProviderCallListener calls) {
        return new TokenRevocationClient(registry, settings.providerTimeout(),
                new Backoff(3, Duration.ofMillis(250), Duration.ofSeconds(5)), calls);
    }

    private static OAuthClientSettings configured(Provider provider, ProvidersProperties.Client client) {
        return new OAuthClientSettings(provider, client.clientId(), client.clientSecret(), client.authorizationUri(),
                client.tokenUri(), client.revocationUri(), client.userInfoUri(), client.scopes(),
                OAuthClientSettings.defaultAuthorizationParameters(provider));
    }

    private static OAuthClientSettings emulated(Provider provider, EmulatorServer server, ProvidersProperties.Client client) {
        EmulatedProvider emulatedProvider = provider == Provider.GOOGLE ? EmulatedProvider.GOOGLE : EmulatedProvider.MICROSOFT;
        ProviderConfig emulatedClient = server.config().provider(emulatedProvider);
        OAuthEndpoints endpoints = server.oauthEndpoints(emulatedProvider);
        return new OAuthClientSettings(provider, emulatedClient.clientId(), emulatedClient.clientSecret(),
                endpoints.authorizationUri(), endpoints.tokenUri(), endpoints.revocationUri(), endpoints.userInfoUri(),
                client.scopes(), OAuthClientSettings.defaultAuthorizationParameters(provider));
    }
}
