package dev.syncline.api.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientDescriptionTest {

    @Test
    void controlCharactersCannotForgeLinesAndTheLengthIsCapped() {
        assertThat(new ClientDescription("Mozilla/5.0\r\nINFO forged line").userAgent())
                .isEqualTo("Mozilla/5.0  INFO forged line");
        assertThat(new ClientDescription("x".repeat(1000)).userAgent()).hasSize(ClientDescription.MAX_LENGTH);
    }

    @Test
    void noUserAgentIsAnEmptyOne() {
        assertThat(new ClientDescription(null).userAgent()).isEmpty();
        assertThat(new ClientDescription("   ").userAgent()).isEmpty();
    }
}
