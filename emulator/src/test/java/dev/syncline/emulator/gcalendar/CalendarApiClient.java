package dev.syncline.emulator.gcalendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the emulated Calendar API and its control routes over real HTTP, as a plain client would. */
final class CalendarApiClient {

    static final String EVENTS = "/calendar/v3/calendars/primary/events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String accessToken;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    CalendarApiClient(String baseUrl, String accessToken) {
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
    }

    /** Every page of a listing, followed by its page tokens; the parameters apply to each page. */
    record Listing(List<JsonNode> items, String nextSyncToken, int pages) {

        List<String> ids() {
            return items.stream().map(item -> item.get("id").asText()).toList();
        }
    }

    HttpResponse<String> listEvents(Map<String, String> parameters) {
        return get(EVENTS, parameters, accessToken);
    }

    CompletableFuture<HttpResponse<String>> listEventsAsync(Map<String, String> parameters) {
        return http.sendAsync(request(EVENTS, parameters, accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    Listing listAll(Map<String, String> parameters) {
        List<JsonNode> items = new ArrayList<>();
        Map<String, String> next = new LinkedHashMap<>(parameters);
        for (int pages = 1; ; pages++) {
            HttpResponse<String> response = listEvents(next);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json(response);
            page.get("items").forEach(items::add);
            if (!page.has("nextPageToken")) {
                assertThat(page.has("nextSyncToken")).as("the last page carries the sync token").isTrue();
                return new Listing(items, page.get("nextSyncToken").asText(), pages);
            }
            assertThat(page.has("nextSyncToken")).as("a page before the last has no sync token").isFalse();
            next.put("pageToken", page.get("nextPageToken").asText());
        }
    }

    HttpResponse<String> get(String path, Map<String, String> parameters, String bearer) {
        return send(request(path, parameters, bearer).GET().build());
    }

    HttpResponse<String> control(String method, String path, String jsonBody) {
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, body)
                .build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code reason} of a Google error document. */
    static String reason(HttpResponse<String> response) {
        return json(response).path("error").path("errors").path(0).path("reason").asText();
    }

    private HttpRequest.Builder request(String path, Map<String, String> parameters, String bearer) {
        String query = parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
