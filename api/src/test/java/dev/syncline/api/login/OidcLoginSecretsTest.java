package dev.syncline.api.login;

import static dev.syncline.api.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.DebugLogs;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.oidc.IdTokenFault;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The secrets of a login (the provider's authorization code, the binding cookie, the login code, every JWT:
 * ID tokens and Syncline's access tokens) never reach the logs, even at DEBUG, on success or failure.
 */
class OidcLoginSecretsTest extends ApiIntegrationTest {

    private static final List<String> LOUD_LOGGERS = List.of("dev.syncline", "org.springframework.security",
            "org.springframework.web", "org.springframework.jdbc");

    @Autowired
    EmulatorServer emulator;

    private DebugLogs logs;

    @BeforeEach
    void captureLogsAtDebug() {
        logs = DebugLogs.capture(LOUD_LOGGERS);
    }

    @AfterEach
    void restoreLogs() {
        logs.stop();
        emulator.control().clearIdTokenFaults(EmulatedProvider.GOOGLE);
    }

    @Test
    void noLoginSecretIsLoggedOnSuccessOrFailure() {
        String email = "canary-" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.example";
        emulator.control().addUser(EmulatedProvider.GOOGLE, email, "Canary");
        List<String> canaries = new ArrayList<>();

        LoginBrowser browser = new LoginBrowser("http://127.0.0.1:" + port);
        LoginBrowser.Page providerRedirect = browser.consent(browser.startLogin("google", FRONTEND_ORIGIN + "/"), email);
        canaries.add(LoginBrowser.query(providerRedirect.location()).get("code"));
        canaries.add(browser.cookies().get(0).getValue());
        LoginBrowser.Page callback = browser.followToCallback(providerRedirect);
        String loginCode = URI.create(callback.location()).getFragment().substring("login_code=".length());
        canaries.add(loginCode);
        ApiClient.Response tokens = api().post("/api/v1/auth/login-code", body("code", loginCode));
        canaries.add(tokens.json().path("accessToken").asText());
        canaries.add(tokens.json().path("refreshToken").asText());
        canaries.add(browser.logIn("google", email).json().path("accessToken").asText());
        emulator.control().injectIdTokenFault(EmulatedProvider.GOOGLE, IdTokenFault.EXPIRED, 1);
        LoginBrowser.Page failedRedirect = browser.consent(browser.startLogin("google", null), email);
        canaries.add(LoginBrowser.query(failedRedirect.location()).get("code"));
        assertThat(browser.followToCallback(failedRedirect).status()).isEqualTo(401);

        assertThat(canaries).doesNotContainNull().allSatisfy(canary -> assertThat(canary).hasSizeGreaterThan(20));
        assertThat(logs.events()).isNotEmpty();
        for (ILoggingEvent event : logs.events()) {
            String text = DebugLogs.text(event);
            assertThat(text).as(event.getLoggerName()).doesNotContain("eyJ");
            for (String canary : canaries) {
                // A URL in a log line carries the code encoded: 4/0… as 4%2F0….
                assertThat(text).as(event.getLoggerName())
                        .doesNotContain(canary)
                        .doesNotContain(URLEncoder.encode(canary, StandardCharsets.UTF_8));
            }
        }
    }
}
