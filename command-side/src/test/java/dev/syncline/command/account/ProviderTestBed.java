package dev.syncline.command.account;

import dev.syncline.command.token.TokenSettings;
import dev.syncline.command.vault.AesGcm;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.DataKeyStore;
import dev.syncline.command.vault.KeyRing;
import dev.syncline.command.vault.TokenFingerprinter;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.OAuthEndpoints;
import dev.syncline.emulator.ProviderConfig;
import dev.syncline.messages.account.Provider;
import dev.syncline.providers.oauth.AuthorizationRequests;
import dev.syncline.providers.oauth.AuthorizationStart;
import dev.syncline.providers.oauth.Backoff;
import dev.syncline.providers.oauth.ConnectedIdentity;
import dev.syncline.providers.oauth.OAuthClientRegistry;
import dev.syncline.providers.oauth.OAuthClientSettings;
import dev.syncline.providers.oauth.TokenEndpointClient;
import dev.syncline.providers.oauth.TokenRevocationClient;
import dev.syncline.testing.TestDatabase;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Real parts for the aggregate's fixtures: the credential vault on a fresh PostgreSQL database and the
 * provider adapters talking to an embedded emulator. Nothing is mocked.
 */
final class ProviderTestBed implements AutoCloseable {

    static final String REDIRECT_URI = "http://127.0.0.1:9/api/v1/accounts/callback/";

    final TestDatabase database = TestDatabase.create("ConnectedAccount");
    final EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.forTests().withPort(0));
    final CredentialVault vault;
    final TokenFingerprinter fingerprinter;
    final AuthorizationRequests authorizationRequests;
    final TokenEndpointClient tokenEndpoint;
    final TokenRevocationClient revocation;
    final TokenSettings settings = new TokenSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofSeconds(30),
            new TokenSettings.Retry(3, Duration.ofMillis(10), Duration.ofMillis(50)),
            new TokenSettings.Retry(20, Duration.ofSeconds(30), Duration.ofMinutes(30)), Duration.ofSeconds(5));

    ProviderTestBed() {
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        KeyRing keyRing = KeyRing.generate();
        AesGcm aesGcm = new AesGcm();
        vault = new CredentialVault(jdbc, new DataKeyStore(jdbc, keyRing, aesGcm), aesGcm);
        fingerprinter = new TokenFingerprinter(keyRing);
        OAuthClientRegistry registry = new OAuthClientRegistry(List.of(
                emulated(Provider.GOOGLE, List.of("openid", "email", "gmail.readonly")),
                emulated(Provider.MICROSOFT, List.of("openid", "email", "offline_access", "Mail.Read"))));
        authorizationRequests = new AuthorizationRequests(registry);
        tokenEndpoint = new TokenEndpointClient(registry, authorizationRequests, Duration.ofSeconds(5));
        revocation = new TokenRevocationClient(registry, Duration.ofSeconds(5), new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    /** Runs the authorization-code flow against the emulator and returns what the callback would get. */
    ConnectedIdentity connectAtProvider(Provider provider) {
        String redirectUri = REDIRECT_URI + provider.id();
        AuthorizationStart start = authorizationRequests.begin(provider, redirectUri, "state-" + provider.id(), null);
        try {
            HttpResponse<Void> redirect = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(start.authorizationUrl())).GET().build(), HttpResponse.BodyHandlers.discarding());
            Map<String, String> query = query(redirect.headers().firstValue("Location").orElseThrow());
            return tokenEndpoint.exchangeCode(provider, query.get("code"), redirectUri, query.get("state"), start.codeVerifier());
        } catch (Exception e) {
            throw new IllegalStateException("authorization flow at the emulator failed", e);
        }
    }

    static EmulatedProvider emulated(Provider provider) {
        return provider == Provider.GOOGLE ? EmulatedProvider.GOOGLE : EmulatedProvider.MICROSOFT;
    }

    private OAuthClientSettings emulated(Provider provider, List<String> scopes) {
        ProviderConfig client = emulator.config().provider(emulated(provider));
        OAuthEndpoints endpoints = emulator.oauthEndpoints(emulated(provider));
        return new OAuthClientSettings(provider, client.clientId(), client.clientSecret(), endpoints.authorizationUri(),
                endpoints.tokenUri(), endpoints.revocationUri(), endpoints.userInfoUri(), scopes,
                OAuthClientSettings.defaultAuthorizationParameters(provider));
    }

    private static Map<String, String> query(String location) {
        return Arrays.stream(URI.create(location).getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        emulator.close();
        database.drop();
    }
}
