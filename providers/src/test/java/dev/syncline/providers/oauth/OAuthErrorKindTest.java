package dev.syncline.providers.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OAuthErrorKindTest {

    @ParameterizedTest(name = "{0} with HTTP {1} is {2}")
    @CsvSource({
            "invalid_grant, 400, PERMANENT",
            "invalid_client, 401, PERMANENT",
            "unauthorized_client, 400, PERMANENT",
            "unsupported_grant_type, 400, PERMANENT",
            "invalid_scope, 400, PERMANENT",
            "admin_policy_enforced, 400, PERMANENT",
            "interaction_required, 400, PERMANENT",
            "temporarily_unavailable, 400, TRANSIENT",
            "temporarily_unavailable, 503, TRANSIENT",
            "server_error, 500, TRANSIENT",
            "http_500, 500, TRANSIENT",
            "http_503, 503, TRANSIENT",
            "http_429, 429, TRANSIENT",
            "timeout, 0, TRANSIENT",
            "unreachable, 0, TRANSIENT",
            "some_new_error, 400, PERMANENT"
    })
    void errorsAreClassifiedOnTheOAuthErrorField(String error, int status, OAuthErrorKind expected) {
        assertThat(OAuthErrorKind.classify(error, status)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"invalid_grant", "interaction_required"})
    void theDescriptionTextNeverDecides(String error) {
        TokenEndpointException e = new TokenEndpointException(error, "temporarily unavailable, please retry", 400, null);

        assertThat(e.isPermanent()).isTrue();
    }
}
