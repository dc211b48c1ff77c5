package dev.syncline.emulator.oauth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectUriPolicyTest {

    @Test
    void loopbackPrefixesAllowAnyPortAndPath() {
        RedirectUriPolicy policy = new RedirectUriPolicy(List.of("http://localhost", "http://127.0.0.1"));

        assertThat(policy.allows("http://localhost:8080/login/oauth2/code/google")).isTrue();
        assertThat(policy.allows("http://127.0.0.1/cb?x=1")).isTrue();
        assertThat(policy.allows("http://LOCALHOST:3000/cb")).isTrue();
    }

    @Test
    void lookalikeHostsAndOtherSchemesAreRefused() {
        RedirectUriPolicy policy = new RedirectUriPolicy(List.of("http://localhost", "http://127.0.0.1"));

        assertThat(policy.allows("http://localhost.attacker.example/cb")).isFalse();
        assertThat(policy.allows("http://127.0.0.1.nip.io/cb")).isFalse();
        assertThat(policy.allows("https://localhost/cb")).isFalse();
        assertThat(policy.allows("http://user@localhost/cb")).isFalse();
        assertThat(policy.allows("/relative/cb")).isFalse();
        assertThat(policy.allows(null)).isFalse();
    }

    @Test
    void prefixWithPortAndPathPinsBoth() {
        RedirectUriPolicy policy = new RedirectUriPolicy(List.of("https://app.example:8443/oauth/"));

        assertThat(policy.allows("https://app.example:8443/oauth/callback")).isTrue();
        assertThat(policy.allows("https://app.example:9443/oauth/callback")).isFalse();
        assertThat(policy.allows("https://app.example:8443/other")).isFalse();
    }
}
