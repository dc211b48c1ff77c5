package dev.syncline.api.testing;

import dev.syncline.api.SynclineApplication;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.OAuthEndpoints;
import dev.syncline.emulator.ProviderConfig;
import dev.syncline.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application the way an operator would, against an emulator that runs outside it as a real
 * provider does, on a given database and data directory: for tests that stop and start it again.
 */
public final class StandaloneApplication {

    private StandaloneApplication() {
    }

    /** Starts on a random port; {@code extraArguments} are further {@code --name=value} settings. */
    public static ConfigurableApplicationContext start(TestDatabase database, Path dataDir, EmulatorServer emulator,
                                                       String... extraArguments) {
        return start(database, dataDir, emulator.baseUrl(), emulator.config(), extraArguments);
    }

    /** The same against an emulator in another process, at {@code emulatorBaseUrl}, started with {@code emulatorConfig}. */
    public static ConfigurableApplicationContext start(TestDatabase database, Path dataDir, String emulatorBaseUrl,
                                                       EmulatorConfig emulatorConfig, String... extraArguments) {
        ProviderConfig google = emulatorConfig.provider(EmulatedProvider.GOOGLE);
        ProviderConfig microsoft = emulatorConfig.provider(EmulatedProvider.MICROSOFT);
        OAuthEndpoints googleEndpoints = OAuthEndpoints.of(EmulatedProvider.GOOGLE, emulatorBaseUrl);
        OAuthEndpoints microsoftEndpoints = OAuthEndpoints.of(EmulatedProvider.MICROSOFT, emulatorBaseUrl);
        // Command-line arguments, because default properties would lose to application.yml.
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--syncline.data-dir=" + dataDir,
                "--syncline.emulator.enabled=false",
                "--syncline.providers.google.client-id=" + google.clientId(),
                "--syncline.providers.google.client-secret=" + google.clientSecret(),
                "--syncline.providers.google.authorization-uri=" + googleEndpoints.authorizationUri(),
                "--syncline.providers.google.token-uri=" + googleEndpoints.tokenUri(),
                "--syncline.providers.google.revocation-uri=" + googleEndpoints.revocationUri(),
                "--syncline.providers.google.user-info-uri=" + googleEndpoints.userInfoUri(),
                "--syncline.providers.microsoft.client-id=" + microsoft.clientId(),
                "--syncline.providers.microsoft.client-secret=" + microsoft.clientSecret(),
                "--syncline.providers.microsoft.authorization-uri=" + microsoftEndpoints.authorizationUri(),
                "--syncline.providers.microsoft.token-uri=" + microsoftEndpoints.tokenUri(),
                "--syncline.providers.microsoft.user-info-uri=" + microsoftEndpoints.userInfoUri(),
                "--syncline.provider-apis.gmail=" + emulatorBaseUrl + "/",
                "--syncline.provider-apis.google-calendar=" + emulatorBaseUrl + "/",
                "--syncline.provider-apis.graph=" + emulatorBaseUrl + "/v1.0"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(SynclineApplication.class).run(arguments.toArray(String[]::new));
    }

    /**
     * Starts on a random port with the emulator in-process and no demo mailboxes, for tests that need settings of
     * their own: a second context in Spring's test cache would pause the shared one, whose Axon processors and
     * scheduler cannot be restarted.
     */
    public static ConfigurableApplicationContext startWithOwnSettings(TestDatabase database, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--syncline.data-dir=target/test-data",
                "--syncline.emulator.port=0",
                "--syncline.emulator.demo-mailboxes=false"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(SynclineApplication.class).run(arguments.toArray(String[]::new));
    }

    public static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }
}
