package dev.syncline.emulator.gmail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A fresh emulator per test with a live Google access token for {@link #EMAIL}, and plain
 * {@code java.net.http} helpers for the Gmail API and batch endpoint:
 * {@code @RegisterExtension final RunningGmail gmail = new RunningGmail();}.
 */
final class RunningGmail implements BeforeEachCallback, AfterEachCallback {

    static final String EMAIL = "ada@gmail.example";
    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    static final String API = "/gmail/v1/users/me";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private EmulatorServer server;
    private String token;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = EmulatorServer.start(EmulatorConfig.forTests());
        token = server.control().issueAccessToken(EmulatedProvider.GOOGLE, EMAIL, Duration.ofHours(1));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    EmulatorServer server() {
        return server;
    }

    GmailEmulator emulator() {
        return (GmailEmulator) server.control().mail(EmulatedProvider.GOOGLE);
    }

    String token() {
        return token;
    }

    /** Seeds the mailbox and answers what was generated; ids come back in generation order. */
    Seeded seed(int messages, int folders) {
        GeneratedMailbox mailbox = MailboxGenerator.generate(new MailboxSpec(7, messages, folders, 0, NOW), EMAIL);
        return new Seeded(mailbox, emulator().seed(EMAIL, mailbox));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, token);
    }

    HttpResponse<String> get(String pathAndQuery, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(pathAndQuery))).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    JsonNode getJson(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    HttpResponse<String> send(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts a batch the way the Gmail SDK builds one; a null token leaves that part unauthenticated. */
    HttpResponse<String> batch(List<String> paths, List<String> tokens) {
        String boundary = "__END_OF_PART__test";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < paths.size(); i++) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Type: application/http\r\n")
                    .append("content-id: ").append(i + 1).append("\r\n")
                    .append("content-transfer-encoding: binary\r\n\r\n")
                    .append("GET ").append(server.url(paths.get(i))).append(" HTTP/1.1\r\n");
            if (tokens.get(i) != null) {
                body.append("authorization: Bearer ").append(tokens.get(i)).append("\r\n");
            }
            body.append("\r\n\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(URI.create(server.url("/batch/gmail/v1")))
                .header("Content-Type", "multipart/mixed; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    HttpResponse<String> batch(List<String> paths) {
        return batch(paths, paths.stream().map(p -> token).toList());
    }

    /** The parts of a batch answer, in order. */
    static List<BatchAnswer> answers(HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9);
        List<BatchAnswer> answers = new ArrayList<>();
        String[] chunks = response.body().split(Pattern.quote(boundary));
        for (String chunk : chunks) {
            if (chunk.isBlank() || chunk.startsWith("--")) {
                continue;
            }
            String[] blocks = chunk.split("\r\n\r\n", 3);
            String statusLine = blocks[1].lines().findFirst().orElseThrow();
            String contentId = blocks[0].lines().filter(l -> l.startsWith("Content-ID: ")).findFirst().orElseThrow().substring(12);
            Map<String, String> headers = new LinkedHashMap<>();
            blocks[1].lines().skip(1).forEach(line -> headers.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 2)));
            answers.add(new BatchAnswer(contentId, Integer.parseInt(statusLine.split(" ")[1]), headers, json(blocks[2].trim())));
        }
        return answers;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
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

    /** A seeded mailbox: what the generator made and the ids the emulator gave it. */
    record Seeded(GeneratedMailbox mailbox, List<String> ids) {
    }

    /** One part of a batch answer. */
    record BatchAnswer(String contentId, int status, Map<String, String> headers, JsonNode body) {
    }
}
