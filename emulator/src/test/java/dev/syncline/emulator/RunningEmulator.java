package dev.syncline.emulator;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh emulator on a random port for each test, and a client for it:
 * {@code @RegisterExtension final RunningEmulator emulator = new RunningEmulator();}.
 */
final class RunningEmulator implements BeforeEachCallback, AfterEachCallback {

    private final EmulatorConfig config;
    private EmulatorServer server;
    private OAuthTestClient client;

    RunningEmulator() {
        this(EmulatorConfig.forTests());
    }

    RunningEmulator(EmulatorConfig config) {
        this.config = config;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = EmulatorServer.start(config);
        client = new OAuthTestClient(server);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    EmulatorServer server() {
        return server;
    }

    OAuthTestClient client() {
        return client;
    }
}
