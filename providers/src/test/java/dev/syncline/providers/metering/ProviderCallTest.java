package dev.syncline.providers.metering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderCallTest {

    @Test
    void theOutcomeFollowsTheStatus() {
        assertThat(new ProviderCall("google", "gmail", 200).outcome()).isEqualTo("success");
        assertThat(new ProviderCall("google", "gmail", 204).outcome()).isEqualTo("success");
        assertThat(new ProviderCall("google", "gmail", 429).outcome()).isEqualTo("throttled");
        assertThat(new ProviderCall("google", "gmail", 404).outcome()).isEqualTo("client_error");
        assertThat(new ProviderCall("microsoft", "graph", 410).outcome()).isEqualTo("client_error");
        assertThat(new ProviderCall("microsoft", "graph", 503).outcome()).isEqualTo("server_error");
    }

    @Test
    void aCallWithoutAnAnswerIsAnIoError() {
        assertThat(new ProviderCall("microsoft", "token", null).outcome()).isEqualTo("io_error");
    }
}
