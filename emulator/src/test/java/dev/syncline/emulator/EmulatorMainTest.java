package dev.syncline.emulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorMainTest {

    @Test
    void standaloneMainStartsOnTheRequestedPort() throws IOException {
        int port = freePort();

        try (EmulatorServer server = EmulatorMain.start(new String[]{"--port", Integer.toString(port)}, Map.of())) {
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(new OAuthTestClient(server).get("/_emulator/health", Map.of()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void defaultsServePort8089AndTheDemoClients() {
        EmulatorConfig config = EmulatorOptions.parse(new String[0], Map.of()).toConfig();

        assertThat(config.port()).isEqualTo(8089);
        assertThat(config.google().clientId()).isEqualTo("syncline-google-dev");
        assertThat(config.google().clientSecret()).isEqualTo("google-dev-secret");
        assertThat(config.microsoft().clientId()).isEqualTo("syncline-microsoft-dev");
        assertThat(config.microsoft().clientSecret()).isEqualTo("microsoft-dev-secret");
        assertThat(config.google().users()).containsExactly(EmulatedUser.of("ada@gmail.example", "Ada Lovelace"));
        assertThat(config.microsoft().users()).containsExactly(EmulatedUser.of("grace@outlook.example", "Grace Hopper"));
    }

    @Test
    void environmentConfiguresAndFlagsWin() {
        Map<String, String> env = Map.of(
                "EMULATOR_PORT", "9000",
                "EMULATOR_GOOGLE_CLIENT_ID", "from-env",
                "EMULATOR_ACCESS_TOKEN_LIFETIME_SECONDS", "600",
                "EMULATOR_MICROSOFT_USERS", "alan@outlook.example:Alan Turing,grace@outlook.example:Grace Hopper",
                "EMULATOR_AUTO_CONSENT", "false");

        EmulatorConfig config = EmulatorOptions.parse(new String[]{"--port=9100", "--google-access-token-lifetime-seconds",
                "60"}, env).toConfig();

        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.google().clientId()).isEqualTo("from-env");
        assertThat(config.google().accessTokenLifetime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.microsoft().accessTokenLifetime()).isEqualTo(Duration.ofSeconds(600));
        assertThat(config.microsoft().users().get(0)).isEqualTo(EmulatedUser.of("alan@outlook.example", "Alan Turing"));
        assertThat(config.google().autoConsent()).isFalse();
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> EmulatorOptions.parse(new String[]{"--prot", "1"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--prot");
    }

    @Test
    void nonNumericPortIsRejected() {
        assertThatThrownBy(() -> EmulatorOptions.parse(new String[]{"--port", "eighty"}, Map.of()).toConfig())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
