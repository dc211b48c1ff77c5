package dev.syncline.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import dev.syncline.emulator.http.FormData;
import dev.syncline.emulator.http.Json;
import dev.syncline.emulator.http.ProblemException;
import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.oauth.BearerAuthentication;
import dev.syncline.emulator.state.AccessToken;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * {@code POST /v1.0/$batch}, JSON batching: at most 20 steps (more answers 400). The envelope must carry a
 * valid token; each step is then authenticated again (its own {@code Authorization} header, or the
 * envelope's), counted and throttled like a request of its own, and answered in the order asked.
 * Steps run in order, at most four at once, as Outlook runs a mailbox's batch; with {@code dependsOn},
 * one at a time.
 */
final class BatchEndpoint {

    static final int MAX_STEPS = 20;
    static final int PARALLEL_STEPS = ThrottleSettings.OUTLOOK_CONCURRENT_REQUESTS;

    private final GraphCallPipeline pipeline;
    private final GraphMailboxes mailboxes;
    private final Router steps;
    private final ExecutorService executor;
    private final Clock clock;

    BatchEndpoint(GraphCallPipeline pipeline, GraphMailboxes mailboxes, Router steps, ExecutorService executor,
                  Clock clock) {
        this.pipeline = pipeline;
        this.mailboxes = mailboxes;
        this.steps = steps;
        this.executor = executor;
        this.clock = clock;
    }

    Response handle(Request request) throws InterruptedException {
        Instant sentAt = clock.instant();
        Optional<AccessToken> token = pipeline.authenticate(request);
        if (token.isEmpty()) {
            return GraphErrors.invalidToken(BearerAuthentication.presentedToken(request).isPresent(), sentAt);
        }
        mailboxes.of(token.get().grant().user().email()).traffic().batchReceived();
        List<Step> parsed;
        try {
            parsed = parse(request);
        } catch (GraphApiException e) {
            return e.toResponse(sentAt);
        }
        boolean ordered = parsed.stream().anyMatch(Step::dependent);
        Semaphore running = new Semaphore(ordered ? 1 : PARALLEL_STEPS);
        List<CompletableFuture<Map<String, Object>>> answers = new ArrayList<>(parsed.size());
        for (Step step : parsed) {
            running.acquire();
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return answer(step, request, sentAt);
                } finally {
                    running.release();
                }
            }, executor));
        }
        return Response.json(200, Map.of("responses", answers.stream().map(CompletableFuture::join).toList()));
    }

    private Map<String, Object> answer(Step step, Request envelope, Instant sentAt) {
        Response response = serve(step, envelope, sentAt);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", step.id());
        json.put("status", response.status());
        json.put("headers", response.headers());
        if (response.body().length > 0) {
            json.put("body", Json.readTree(response.body()));
        }
        return json;
    }

    private Response serve(Step step, Request envelope, Instant sentAt) {
        if (!step.method().equals("GET")) {
            return GraphErrors.error(405, "BadRequest", "Only GET steps are emulated.", clock.instant());
        }
        String url = relative(step.url());
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        Router.Resolution resolution = steps.resolve("GET", Router.segments(path));
        if (!resolution.found() || !(resolution.handler() instanceof ApiRoute route)) {
            return GraphErrors.error(404, "ResourceNotFound", "Resource not found for the segment in " + path + ".",
                    clock.instant());
        }
        Headers headers = new Headers();
        step.headers().forEach(headers::add);
        if (!headers.containsKey("Authorization")) {
            envelope.header("Authorization").ifPresent(value -> headers.add("Authorization", value));
        }
        envelope.header("Host").ifPresent(value -> headers.set("Host", value));
        Request call = new Request("GET", "/v1.0" + path, resolution.variables(),
                FormData.parse(question < 0 ? null : url.substring(question + 1)), headers, new byte[0]);
        return pipeline.serve(call, route.handler(), sentAt);
    }

    /** Graph accepts step URLs relative to the version, and absolute ones on its own host. */
    private static String relative(String url) {
        String relative = url.replaceFirst("^https?://[^/]+", "");
        relative = relative.replaceFirst("^/(v1\\.0|beta)(?=/)", "");
        return relative.startsWith("/") ? relative : "/" + relative;
    }

    private static List<Step> parse(Request request) {
        JsonNode body;
        try {
            body = request.json();
        } catch (ProblemException e) {
            throw invalid("Invalid batch payload format.");
        }
        JsonNode requests = body.path("requests");
        if (!requests.isArray() || requests.isEmpty()) {
            throw invalid("Invalid batch payload format.");
        }
        if (requests.size() > MAX_STEPS) {
            throw invalid("Maximum number of requests in a batch is " + MAX_STEPS + ".");
        }
        List<Step> steps = new ArrayList<>(requests.size());
        Set<String> ids = new HashSet<>();
        for (JsonNode node : requests) {
            String id = node.path("id").asText("");
            if (id.isEmpty() || !ids.add(id) || !node.path("url").isTextual()) {
                throw invalid("Each request needs a unique id and a url.");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("headers").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                headers.put(header.getKey(), header.getValue().asText());
            }
            steps.add(new Step(id, node.path("method").asText("GET").toUpperCase(Locale.ROOT),
                    node.get("url").asText(), headers, node.has("dependsOn")));
        }
        return steps;
    }

    private static GraphApiException invalid(String message) {
        return new GraphApiException(400, "BadRequest", message);
    }

    private record Step(String id, String method, String url, Map<String, String> headers, boolean dependent) {
    }
}
