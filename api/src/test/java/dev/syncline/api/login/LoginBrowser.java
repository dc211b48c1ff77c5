package dev.syncline.api.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser for the OpenID Connect login: keeps cookies, follows no redirect by itself (so each hop can be
 * looked at and tampered with), and talks to Syncline and to the emulator as a person's browser would.
 * The tests' public base URL names port 0, so the provider's redirect back to Syncline is sent to the
 * server's real port, with the same path and query.
 */
final class LoginBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String apiBaseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    LoginBrowser(String apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** {@code GET /api/v1/auth/login/{provider}}, with {@code redirect_to} unless null. */
    Page startLogin(String provider, String redirectTo) {
        String query = redirectTo == null ? "" : "?redirect_to=" + URLEncoder.encode(redirectTo, StandardCharsets.UTF_8);
        return get(apiBaseUrl + "/api/v1/auth/login/" + provider + query);
    }

    /**
     * Goes to the provider's authorization URL of a started login and consents as the given user (the person
     * picking their account there); answers the provider's redirect back, whose Location is the callback.
     */
    Page consent(Page loginStart, String loginHint) {
        assertThat(loginStart.status()).as(loginStart.toString()).isEqualTo(302);
        String authorizationUrl = loginStart.location() + "&login_hint=" + URLEncoder.encode(loginHint, StandardCharsets.UTF_8);
        Page providerRedirect = get(authorizationUrl);
        assertThat(providerRedirect.status()).as(providerRedirect.toString()).isEqualTo(302);
        return providerRedirect;
    }

    /** Follows the provider's redirect to Syncline's callback. */
    Page followToCallback(Page providerRedirect) {
        return get(callbackUrl(providerRedirect.location()));
    }

    /** A callback URL as the provider built it, with Syncline's real address. */
    String callbackUrl(String providerLocation) {
        URI location = URI.create(providerLocation);
        return apiBaseUrl + location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    /** The whole login without a redirect target: start, consent, callback. */
    Page logIn(String provider, String loginHint) {
        return followToCallback(consent(startLogin(provider, null), loginHint));
    }

    Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A GET as a browser navigating there sends it, asking for HTML first. */
    Page navigate(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
    }

    Page postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The query parameters of a URL, decoded. */
    static Map<String, String> query(String url) {
        String raw = URI.create(url).getRawQuery();
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    /** One answer: status, headers, body. */
    record Page(int status, Map<String, List<String>> headers, String body) {

        String location() {
            return header("Location");
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        List<String> allHeaders(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return "Page[" + status + " " + headers.getOrDefault("location", List.of()) + " " + body + "]";
        }
    }
}
