package dev.syncline.providers.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.sun.net.httpserver.HttpServer;
import dev.syncline.messages.account.Provider;
import dev.syncline.providers.oauth.OAuthClientRegistry;
import dev.syncline.providers.oauth.OAuthClientSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** Each metered transport counts every call once, with its status, and a call without an answer as an I/O error. */
class MeteredTransportsTest {

    private final List<ProviderCall> calls = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int status = switch (exchange.getRequestURI().getPath()) {
                case "/throttled" -> 429;
                case "/broken" -> 503;
                case "/missing" -> 404;
                default -> 200;
            };
            byte[] body = "{}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theGoogleSdksRequestsAreCountedWithTheirStatus() throws IOException {
        HttpRequestFactory requests = new NetHttpTransport().createRequestFactory(new MeteredGoogleRequests(null, "gmail", calls::add));

        requests.buildGetRequest(new GenericUrl(base + "/ok")).execute().disconnect();
        assertThatThrownBy(() -> requests.buildGetRequest(new GenericUrl(base + "/throttled")).execute()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> requests.buildGetRequest(new GenericUrl(unusedAddress() + "/gone")).execute())
                .isInstanceOf(IOException.class);

        assertThat(calls).containsExactly(new ProviderCall("google", "gmail", 200), new ProviderCall("google", "gmail", 429),
                new ProviderCall("google", "gmail", null));
    }

    @Test
    void okHttpCallsAreCountedWithTheirStatus() throws IOException {
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new MeteredOkHttpCalls("microsoft", "graph", calls::add)).build();

        try (Response ok = http.newCall(new Request.Builder().url(base + "/ok").build()).execute();
             Response broken = http.newCall(new Request.Builder().url(base + "/broken").build()).execute()) {
            assertThat(ok.code()).isEqualTo(200);
            assertThat(broken.code()).isEqualTo(503);
        }
        assertThatThrownBy(() -> http.newCall(new Request.Builder().url(unusedAddress() + "/gone").build()).execute())
                .isInstanceOf(IOException.class);

        assertThat(calls).containsExactly(new ProviderCall("microsoft", "graph", 200), new ProviderCall("microsoft", "graph", 503),
                new ProviderCall("microsoft", "graph", null));
    }

    @Test
    void oauthCallsNameTheProviderAndEndpointFromTheRegistryNotTheAddress() {
        OAuthClientRegistry registry = new OAuthClientRegistry(List.of(
                settings(Provider.GOOGLE, base + "/google/token", base + "/google/userinfo"),
                settings(Provider.MICROSOFT, base + "/microsoft/token", base + "/microsoft/userinfo")));
        RestClient http = RestClient.builder().requestInterceptor(new MeteredOAuthCalls(registry, calls::add)).build();

        http.get().uri(base + "/microsoft/token?code=secret-code").retrieve().toBodilessEntity();
        http.get().uri(base + "/google/userinfo").retrieve().toBodilessEntity();
        assertThatThrownBy(() -> http.get().uri(base + "/missing").retrieve().toBodilessEntity()).isNotNull();

        assertThat(calls).containsExactly(new ProviderCall("microsoft", "token", 200), new ProviderCall("google", "userinfo", 200),
                new ProviderCall("unknown", "oauth", 404));
    }

    private static OAuthClientSettings settings(Provider provider, String tokenUri, String userInfoUri) {
        return new OAuthClientSettings(provider, "client", "secret", tokenUri.replace("token", "auth"), tokenUri, null, userInfoUri,
                List.of("openid"), null);
    }

    /** An address on which nothing listens. */
    private static String unusedAddress() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
