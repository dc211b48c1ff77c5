package dev.syncline.emulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.OAuthTestClient.Pkce;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.fault.FaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.syncline.emulator.EmulatedProvider.GOOGLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Requests are logged at DEBUG, and no token, code, secret or verifier may appear in those lines. */
class NoSecretsInLogsTest {

    private final Logger emulatorLogger = (Logger) LoggerFactory.getLogger("dev.syncline.emulator");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previousLevel;
    private EmulatorServer server;

    @BeforeEach
    void start() {
        previousLevel = emulatorLogger.getLevel();
        emulatorLogger.setLevel(Level.DEBUG);
        appender.start();
        emulatorLogger.addAppender(appender);
        server = EmulatorServer.start(EmulatorConfig.forTests());
    }

    @AfterEach
    void stop() {
        server.close();
        emulatorLogger.detachAppender(appender);
        emulatorLogger.setLevel(previousLevel);
    }

    @Test
    void requestLogLinesCarryNoSecrets() {
        OAuthTestClient client = new OAuthTestClient(server);
        Pkce pkce = Pkce.create();
        String code = client.authorizationCode(GOOGLE, OAuthTestClient.authorizationParameters(GOOGLE, pkce));
        JsonNode tokens = OAuthTestClient.json(client.redeem(GOOGLE, code, pkce.verifier()));
        String access = tokens.get("access_token").asText();
        String refresh = tokens.get("refresh_token").asText();
        server.control().injectFault(GOOGLE, FaultEndpoint.TOKEN, FaultKind.INVALID_GRANT, 1);
        client.refresh(GOOGLE, refresh);
        client.getWithBearer("/v1/userinfo", access);
        client.postForm("/revoke", Map.of("token", refresh));

        // The dispatcher logs after the response is sent, so wait for the last line.
        await().atMost(Duration.ofSeconds(5)).until(() -> messages().stream().anyMatch(m -> m.contains("/revoke")));
        List<String> lines = messages();
        assertThat(lines).anyMatch(line -> line.startsWith("POST /token -> 200"));
        assertThat(lines).allSatisfy(line -> assertThat(line)
                .doesNotContain(code, access, refresh, pkce.verifier(), "google-dev-secret", OAuthTestClient.STATE));
    }

    private List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
