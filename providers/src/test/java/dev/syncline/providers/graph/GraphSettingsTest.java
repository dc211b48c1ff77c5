package dev.syncline.providers.graph;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphSettingsTest {

    @Test
    void defaultsFollowGraphAndOutlook() {
        GraphSettings defaults = GraphSettings.defaults();

        assertThat(defaults.baseUrl()).isEqualTo("https://graph.microsoft.com/v1.0");
        assertThat(defaults.mailPageSize()).isEqualTo(100);
        assertThat(defaults.calendarPageSize()).isEqualTo(100);
        assertThat(defaults.bodyLimit()).isEqualTo(20_000);
        assertThat(defaults.maxConcurrentRequestsPerMailbox()).isEqualTo(4);
    }

    @Test
    void pageSizesStayWithinWhatGraphServes() {
        assertThat(GraphSettings.defaults().withMailPageSize(999).mailPageSize()).isEqualTo(999);
        assertThatThrownBy(() -> GraphSettings.defaults().withMailPageSize(1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GraphSettings.defaults().withCalendarPageSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTrailingSlashOfTheBaseUrlIsDropped() {
        assertThat(GraphSettings.defaults().withBaseUrl("http://127.0.0.1:8089/v1.0/").baseUrl())
                .isEqualTo("http://127.0.0.1:8089/v1.0");
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> GraphSettings.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
