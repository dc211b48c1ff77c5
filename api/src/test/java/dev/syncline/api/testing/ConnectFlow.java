package dev.syncline.api.testing;

import static dev.syncline.api.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Drives the full OAuth redirect flow of connecting an account: start at Syncline, follow the
 * authorization URL to the emulator (which consents for the hinted user and redirects with code and
 * state), then hand code and state to Syncline's callback as the frontend would.
 */
public final class ConnectFlow {

    private ConnectFlow() {
    }

    /** The code and state the provider redirected with. */
    public record Redirect(String code, String state) {
    }

    public static Redirect authorize(ApiClient user, String provider, String loginHint) {
        ApiClient.Response start = user.post("/api/v1/accounts/connect/" + provider, body("loginHint", loginHint));
        assertThat(start.status()).as(start.toString()).isEqualTo(200);
        String authorizationUrl = start.json().path("authorizationUrl").asText();
        ApiClient.Response consent = user.getAbsolute(authorizationUrl);
        assertThat(consent.status()).as(consent.toString()).isEqualTo(302);
        Map<String, String> query = query(consent.header("Location"));
        assertThat(query.get("state")).isEqualTo(start.json().path("state").asText());
        return new Redirect(query.get("code"), query.get("state"));
    }

    public static ApiClient.Response callback(ApiClient user, String provider, Redirect redirect) {
        return user.get("/api/v1/accounts/callback/" + provider + "?code=" + redirect.code() + "&state=" + redirect.state());
    }

    /** Connects and returns the new account's id. */
    public static String connect(ApiClient user, String provider, String loginHint) {
        ApiClient.Response connected = callback(user, provider, authorize(user, provider, loginHint));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        return connected.json().path("accountId").asText();
    }

    private static Map<String, String> query(String location) {
        return Arrays.stream(URI.create(location).getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
