package dev.syncline.api.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrontendRedirectTest {

    private static final List<String> ORIGINS = List.of("https://app.example.com", "http://localhost:5173");

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com", "https://app.example.com/", "https://APP.example.com/after?x=1",
            "http://localhost:5173/login/done"})
    void aUrlOnAnAllowedOriginIsAllowed(String target) {
        assertThat(FrontendRedirect.allowed(target, ORIGINS)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "http://app.example.com/", "https://app.example.com:8443/",
            "https://app.example.com.evil.example/", "https://app.example.com@evil.example/", "https://user@app.example.com/",
            "//app.example.com/", "/relative", "javascript:alert(1)", "https://app.example.com/#already", "http://localhost:5174/",
            "https://app.example.com\\@evil.example/", ""})
    void anythingElseIsRefused(String target) {
        assertThat(FrontendRedirect.allowed(target, ORIGINS)).isEmpty();
    }

    @Test
    void aVeryLongTargetIsRefused() {
        assertThat(FrontendRedirect.allowed("https://app.example.com/" + "a".repeat(2100), ORIGINS)).isEmpty();
    }
}
