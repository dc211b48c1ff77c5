package dev.syncline.providers.graph;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxTokenProviderTest {

    private static final String TOKEN = "EwA-secret-token";

    @Test
    void theTokenGoesOnlyToTheGraphHost() {
        MailboxTokenProvider graph = new MailboxTokenProvider(TOKEN, "graph.microsoft.com");

        assertThat(graph.getAuthorizationToken(URI.create("https://graph.microsoft.com/v1.0/me/mailFolders"), Map.of()))
                .isEqualTo(TOKEN);
        assertThat(graph.getAuthorizationToken(URI.create("https://attacker.example/v1.0/me"), Map.of())).isEmpty();
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopback() {
        MailboxTokenProvider graph = new MailboxTokenProvider(TOKEN, "graph.microsoft.com");
        MailboxTokenProvider emulator = new MailboxTokenProvider(TOKEN, "127.0.0.1");

        assertThatThrownBy(() -> graph.getAuthorizationToken(URI.create("http://graph.microsoft.com/v1.0/me"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(TOKEN);
        assertThat(emulator.getAuthorizationToken(URI.create("http://127.0.0.1:8089/v1.0/me"), Map.of())).isEqualTo(TOKEN);
    }

    @Test
    void itsDescriptionHidesTheToken() {
        assertThat(new MailboxTokenProvider(TOKEN, "graph.microsoft.com").toString()).doesNotContain(TOKEN);
    }
}
