package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to an embedded emulator over real HTTP the way an OAuth client would: builds
 * authorization URLs with PKCE, catches the redirect, redeems codes and refreshes.
 */
final class OAuthTestClient {

    static final String REDIRECT_URI = "http://127.0.0.1:8765/oauth/callback";
    static final String GOOGLE_SCOPE = "openid email https://www.googleapis.com/auth/gmail.readonly";
    static final String MICROSOFT_SCOPE = "openid email offline_access https://graph.microsoft.com/Mail.Read";
    static final String STATE = "state-1234";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    OAuthTestClient(EmulatorServer server) {
        this(server.baseUrl());
    }

    OAuthTestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    // ---- OAuth flows --------------------------------------------------------------------------

    static String authorizePath(EmulatedProvider provider) {
        return provider == EmulatedProvider.GOOGLE ? "/o/oauth2/v2/auth" : "/common/oauth2/v2.0/authorize";
    }

    static String tokenPath(EmulatedProvider provider) {
        return provider == EmulatedProvider.GOOGLE ? "/token" : "/common/oauth2/v2.0/token";
    }

    /** The parameters a well-behaved client sends; tests change or remove single ones. */
    static Map<String, String> authorizationParameters(EmulatedProvider provider, Pkce pkce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", EmulatorConfig.defaults().provider(provider).clientId());
        params.put("redirect_uri", REDIRECT_URI);
        params.put("response_type", "code");
        params.put("scope", provider == EmulatedProvider.GOOGLE ? GOOGLE_SCOPE : MICROSOFT_SCOPE);
        params.put("state", STATE);
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        if (provider == EmulatedProvider.GOOGLE) {
            params.put("access_type", "offline");
            params.put("prompt", "consent");
        }
        return params;
    }

    HttpResponse<String> authorize(EmulatedProvider provider, Map<String, String> params) {
        return get(authorizePath(provider) + "?" + form(params), Map.of());
    }

    /** Runs the authorization request and answers the code from the redirect. */
    String authorizationCode(EmulatedProvider provider, Map<String, String> params) {
        HttpResponse<String> response = authorize(provider, params);
        assertThat(response.statusCode()).as("authorization redirect").isEqualTo(302);
        Map<String, String> query = redirectQuery(response);
        assertThat(query).containsKey("code");
        return query.get("code");
    }

    HttpResponse<String> redeem(EmulatedProvider provider, String code, String verifier) {
        Map<String, String> form = clientCredentials(provider);
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT_URI);
        form.put("code_verifier", verifier);
        return postForm(tokenPath(provider), form);
    }

    HttpResponse<String> refresh(EmulatedProvider provider, String refreshToken) {
        Map<String, String> form = clientCredentials(provider);
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return postForm(tokenPath(provider), form);
    }

    /** A complete sign-in with PKCE for the given user; answers the token response. */
    JsonNode signIn(EmulatedProvider provider, String loginHint) {
        return signIn(provider, loginHint, null);
    }

    /** A complete sign-in whose authorization request also sends an OpenID Connect nonce (unless null). */
    JsonNode signIn(EmulatedProvider provider, String loginHint, String nonce) {
        Pkce pkce = Pkce.create();
        Map<String, String> params = authorizationParameters(provider, pkce);
        params.put("login_hint", loginHint);
        if (nonce != null) {
            params.put("nonce", nonce);
        }
        HttpResponse<String> tokens = redeem(provider, authorizationCode(provider, params), pkce.verifier());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return json(tokens);
    }

    JsonNode signIn(EmulatedProvider provider) {
        return signIn(provider, defaultUser(provider));
    }

    static String defaultUser(EmulatedProvider provider) {
        return EmulatorConfig.defaults().provider(provider).users().get(0).email();
    }

    static Map<String, String> clientCredentials(EmulatedProvider provider) {
        ProviderConfig client = EmulatorConfig.defaults().provider(provider);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", client.clientId());
        form.put("client_secret", client.clientSecret());
        return form;
    }

    // ---- plain HTTP -----------------------------------------------------------------------------

    HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> getWithBearer(String path, String accessToken) {
        return get(path, Map.of("Authorization", "Bearer " + accessToken));
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        return postForm(path, form, Map.of());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> putJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    static Map<String, String> redirectQuery(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT_URI + "?");
        String query = URI.create(location).getRawQuery();
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A PKCE verifier and its S256 challenge, computed here independently of the emulator. */
    record Pkce(String verifier, String challenge) {

        private static final SecureRandom RANDOM = new SecureRandom();

        static Pkce create() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
