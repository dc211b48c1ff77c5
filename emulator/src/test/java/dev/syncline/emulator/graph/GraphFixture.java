package dev.syncline.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An emulator on a random port with the default Microsoft user signed in, and a plain
 * {@code java.net.http} client that talks Graph to it the way any client would.
 */
final class GraphFixture implements AutoCloseable {

    static final String USER = "grace@outlook.example";
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String IMMUTABLE = "IdType=\"ImmutableId\"";

    private static final ObjectMapper JSON = new ObjectMapper();

    final EmulatorServer server;
    final GraphMailControl mail;
    final GraphCalendarControl calendar;
    final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private GraphFixture(EmulatorServer server) {
        this.server = server;
        this.mail = (GraphMailControl) server.control().mail(EmulatedProvider.MICROSOFT);
        this.calendar = (GraphCalendarControl) server.control().calendar(EmulatedProvider.MICROSOFT);
        this.token = server.control().issueAccessToken(EmulatedProvider.MICROSOFT, USER, Duration.ofHours(1));
    }

    static GraphFixture start() {
        return new GraphFixture(EmulatorServer.start(EmulatorConfig.forTests()));
    }

    static GraphFixture start(EmulatorConfig config) {
        return new GraphFixture(EmulatorServer.start(config));
    }

    static GeneratedMailbox mailbox(int messages, int folders, int calendarItems) {
        return MailboxGenerator.generate(new MailboxSpec(7, messages, folders, calendarItems, NOW), USER);
    }

    /** Seeds mail and calendar from one generated mailbox. */
    GeneratedMailbox seed(int messages, int folders, int calendarItems) {
        GeneratedMailbox generated = mailbox(messages, folders, calendarItems);
        mail.seed(USER, generated);
        calendar.seed(USER, generated.calendarItems());
        return generated;
    }

    /** A GET with the user's token; {@code headers} are name, value pairs. */
    HttpResponse<String> get(String pathOrUrl, String... headers) {
        return send(request(pathOrUrl, token, headers).GET());
    }

    HttpResponse<String> getWithToken(String pathOrUrl, String bearer, String... headers) {
        return send(request(pathOrUrl, bearer, headers).GET());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String pathOrUrl, String... headers) {
        return http.sendAsync(request(pathOrUrl, token, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json, String bearer) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(String method, String path, String json) {
        return send(request(path, null).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Follows {@code @odata.nextLink} from the first page to the one with {@code @odata.deltaLink}. */
    List<JsonNode> allPages(String firstPath, String... headers) {
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = json(get(firstPath, headers));
        pages.add(page);
        while (page.has("@odata.nextLink")) {
            page = json(get(page.get("@odata.nextLink").asText(), headers));
            pages.add(page);
        }
        return pages;
    }

    static List<JsonNode> values(List<JsonNode> pages) {
        List<JsonNode> values = new ArrayList<>();
        pages.forEach(page -> page.get("value").forEach(values::add));
        return values;
    }

    static String deltaLink(List<JsonNode> pages) {
        return pages.get(pages.size() - 1).get("@odata.deltaLink").asText();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private HttpRequest.Builder request(String pathOrUrl, String bearer, String... headers) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : server.url(pathOrUrl));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
