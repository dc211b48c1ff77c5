package dev.syncline.api.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SessionPropertiesTest {

    @Test
    void sessionsLastSevenDaysIdleAndThirtyDaysAtMostByDefault() {
        SessionProperties properties = bind(Map.of());

        assertThat(properties.idleTimeout()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.absoluteLifetime()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void anAbsoluteLifetimeShorterThanTheIdleTimeoutIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("syncline.sessions.idle-timeout", "2d", "syncline.sessions.absolute-lifetime", "1d")))
                .hasRootCauseMessage("syncline.sessions.absolute-lifetime must not be shorter than the idle timeout");
        assertThatThrownBy(() -> bind(Map.of("syncline.sessions.idle-timeout", "0s")))
                .hasRootCauseMessage("syncline.sessions.idle-timeout must be positive");
    }

    private static SessionProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("syncline.sessions", SessionProperties.class);
    }
}
