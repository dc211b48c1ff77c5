package dev.syncline.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SecurityPropertiesTest {

    @Test
    void adminEmailsAreReadCommaSeparatedTrimmedAndLowerCased() {
        SecurityProperties properties = bind(Map.of("syncline.security.admin-emails", " Boss@Example.com, ops@example.com ,"));

        assertThat(properties.normalizedAdminEmails()).containsExactlyInAnyOrder("boss@example.com", "ops@example.com");
    }

    @Test
    void emptyAdminEmailsMeanNoAdministrators() {
        assertThat(bind(Map.of("syncline.security.admin-emails", "")).normalizedAdminEmails()).isEmpty();
        assertThat(bind(Map.of("syncline.security.jwt.issuer", "https://syncline.test")).normalizedAdminEmails()).isEmpty();
    }

    @Test
    void frontendOriginsAreReadCommaSeparatedLowerCasedAndNoneByDefault() {
        SecurityProperties properties = bind(Map.of("syncline.security.frontend-origins",
                " https://App.example.com, http://localhost:5173 ,https://app.example.com"));

        assertThat(properties.frontendOrigins()).containsExactly("https://app.example.com", "http://localhost:5173");
        assertThat(bind(Map.of()).frontendOrigins()).isEmpty();
    }

    @Test
    void frontendOriginWithAPathAWildcardOrAnotherSchemeIsRefused() {
        for (String origin : new String[] {"https://app.example.com/after-login", "https://*.example.com", "javascript:alert(1)",
                "app.example.com", "https://user@app.example.com", "https://app.example.com?x=1"}) {
            assertThatThrownBy(() -> bind(Map.of("syncline.security.frontend-origins", origin)))
                    .as(origin)
                    .hasRootCauseMessage("syncline.security.frontend-origins: '" + origin
                            + "' is not an origin like https://app.example.com (no path, no wildcard)");
        }
    }

    @Test
    void tokenSettingsDefaultToFifteenMinutesSixtySecondsSkewAndOurAudience() {
        SecurityProperties.Jwt jwt = bind(Map.of("syncline.security.jwt.issuer", "https://syncline.test")).jwt();

        assertThat(jwt.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(jwt.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(jwt.audience()).isEqualTo("syncline-api");
        assertThat(jwt.generateDevelopmentKeys()).isTrue();
    }

    @Test
    void nonPositiveLifetimeIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("syncline.security.jwt.access-token-lifetime", "0s")))
                .hasRootCauseMessage("syncline.security.jwt.access-token-lifetime must be positive");
    }

    private static SecurityProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("syncline.security", SecurityProperties.class);
    }
}
