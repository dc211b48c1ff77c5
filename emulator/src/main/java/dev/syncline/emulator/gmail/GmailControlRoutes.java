package dev.syncline.emulator.gmail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.http.ProblemException;
import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.http.RouteHandler;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.mailbox.GeneratedAddress;
import dev.syncline.emulator.mailbox.GeneratedMessage;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Gmail part of the control API over HTTP, a thin JSON mapping onto {@link GmailEmulator}:
 * per mailbox under {@code /_emulator/google/mailboxes/{email}/mail/…}, and the quota settings, which
 * hold for every mailbox, at {@code /_emulator/google/mail/throttling}. Errors are problem details.
 */
final class GmailControlRoutes {

    private static final String MAILBOX = "/_emulator/google/mailboxes/{email}/mail";

    private final GmailEmulator gmail;
    private final Clock clock;
    private final AtomicLong addedKeys = new AtomicLong();

    GmailControlRoutes(GmailEmulator gmail, Clock clock) {
        this.gmail = gmail;
        this.clock = clock;
    }

    void register(Router router) {
        router.post(MAILBOX + "/seed", guarded(this::seed))
                .post(MAILBOX + "/messages", guarded(this::addMessage))
                .add("PATCH", MAILBOX + "/messages/{id}", guarded(this::updateMessage))
                .post(MAILBOX + "/messages/{id}/move", guarded(this::moveMessage))
                .delete(MAILBOX + "/messages/{id}", guarded(this::deleteMessage))
                .post(MAILBOX + "/expire-cursors", guarded(this::expireCursors))
                .get(MAILBOX + "/snapshot", guarded(request -> Response.json(200, gmail.snapshot(email(request)))))
                .get(MAILBOX + "/counters", guarded(request -> Response.json(200, gmail.counters(email(request)))))
                .post(MAILBOX + "/counters/reset", guarded(this::resetCounters))
                .get(MAILBOX + "/faults", guarded(this::pendingFaults))
                .post(MAILBOX + "/faults", guarded(this::injectFaults))
                .delete(MAILBOX + "/faults", guarded(this::clearFaults))
                .put(MAILBOX + "/latency", guarded(this::setLatency))
                .put(MAILBOX + "/service", guarded(this::setService))
                .get("/_emulator/google/mail/throttling", guarded(request -> Response.json(200, throttlingJson())))
                .put("/_emulator/google/mail/throttling", guarded(this::updateThrottling));
    }

    private Response seed(Request request) {
        JsonNode body = request.json();
        Instant now = body.hasNonNull("now") ? instant(body.get("now").asText()) : clock.instant();
        MailboxSpec spec = new MailboxSpec(body.path("seed").asLong(42), requiredInt(body, "messages"),
                body.path("folders").asInt(4), 0, now);
        String email = email(request);
        List<String> ids = gmail.seed(email, MailboxGenerator.generate(spec, email));
        return Response.json(200, Map.of("messages", ids.size()));
    }

    private Response addMessage(Request request) {
        JsonNode body = request.json();
        String key = body.path("key").asText("added-" + addedKeys.incrementAndGet());
        Instant receivedAt = body.hasNonNull("receivedAt") ? instant(body.get("receivedAt").asText()) : clock.instant();
        GeneratedMessage base = MailboxGenerator.message(body.path("seed").asLong(key.hashCode()), key,
                body.path("folder").asText("Inbox"), receivedAt);
        GeneratedAddress from = body.has("from")
                ? new GeneratedAddress(body.get("from").path("name").asText(null), body.get("from").path("email").asText())
                : base.from();
        GeneratedMessage message = new GeneratedMessage(key, body.path("thread").asText(base.thread()), base.folder(), from,
                base.to(), base.cc(), body.path("subject").asText(base.subject()), body.path("body").asText(base.body()),
                receivedAt, body.path("unread").asBoolean(base.unread()), body.path("starred").asBoolean(base.starred()),
                base.attachments());
        return Response.json(201, Map.of("id", gmail.addMessage(email(request), message)));
    }

    private Response updateMessage(Request request) {
        JsonNode body = request.json();
        if (!body.path("unread").isBoolean()) {
            throw new ProblemException(400, "Missing field", "'unread' (true or false) is required");
        }
        gmail.updateMessage(email(request), request.pathVariable("id"), body.get("unread").asBoolean(),
                body.hasNonNull("subject") ? body.get("subject").asText() : null);
        return Response.noContent();
    }

    private Response moveMessage(Request request) {
        JsonNode folder = request.json().path("folder");
        if (!folder.isTextual() || folder.asText().isBlank()) {
            throw new ProblemException(400, "Missing field", "'folder' is required");
        }
        gmail.moveMessage(email(request), request.pathVariable("id"), folder.asText());
        return Response.noContent();
    }

    private Response deleteMessage(Request request) {
        gmail.deleteMessage(email(request), request.pathVariable("id"));
        return Response.noContent();
    }

    private Response expireCursors(Request request) {
        gmail.expireCursors(email(request));
        return Response.noContent();
    }

    private Response resetCounters(Request request) {
        gmail.resetCounters(email(request));
        return Response.noContent();
    }

    private Response pendingFaults(Request request) {
        return Response.json(200, Map.of("pending", gmail.pendingFaults(email(request))));
    }

    private Response injectFaults(Request request) {
        JsonNode body = request.json();
        String email = email(request);
        gmail.injectFaults(email, requiredInt(body, "status"), body.path("times").asInt(1));
        return Response.json(201, Map.of("pending", gmail.pendingFaults(email)));
    }

    private Response clearFaults(Request request) {
        gmail.clearFaults(email(request));
        return Response.noContent();
    }

    private Response setLatency(Request request) {
        String email = email(request);
        gmail.setLatency(email, Duration.ofMillis(requiredInt(request.json(), "millis")));
        return Response.json(200, Map.of("millis", gmail.latency(email).toMillis()));
    }

    private Response setService(Request request) {
        JsonNode enabled = request.json().path("enabled");
        if (!enabled.isBoolean()) {
            throw new ProblemException(400, "Missing field", "'enabled' (true or false) is required");
        }
        gmail.setMailServiceEnabled(email(request), enabled.asBoolean());
        return Response.json(200, Map.of("enabled", enabled.asBoolean()));
    }

    private Response updateThrottling(Request request) {
        JsonNode body = request.json();
        gmail.updateThrottling(current -> {
            GmailThrottling updated = current;
            if (body.path("enabled").isBoolean()) {
                updated = updated.withEnabled(body.get("enabled").asBoolean());
            }
            if (body.hasNonNull("unitsPerSecond")) {
                updated = updated.withUnitsPerSecond(body.get("unitsPerSecond").asInt());
            }
            if (body.hasNonNull("retryAfterSeconds")) {
                updated = updated.withRetryAfter(Duration.ofSeconds(body.get("retryAfterSeconds").asLong()));
            }
            return updated;
        });
        return Response.json(200, throttlingJson());
    }

    private Map<String, Object> throttlingJson() {
        GmailThrottling current = gmail.throttling();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabled", current.enabled());
        json.put("unitsPerSecond", current.unitsPerSecond());
        json.put("retryAfterSeconds", current.retryAfter().toSeconds());
        return json;
    }

    private static String email(Request request) {
        String email = request.pathVariable("email");
        if (!email.contains("@")) {
            throw new ProblemException(400, "Invalid mailbox", "'" + email + "' is not an email address");
        }
        return email;
    }

    private static int requiredInt(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new ProblemException(400, "Missing field", "'" + field + "' (a number) is required");
        }
        return value.asInt();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "Invalid time", "'" + text + "' is not an ISO-8601 instant");
        }
    }

    /** Maps the Java API's exceptions to problem details: unknown message 404, bad input 400. */
    private static RouteHandler guarded(RouteHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (NoSuchElementException e) {
                throw new ProblemException(404, "Unknown message", e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, "Invalid request", e.getMessage());
            }
        };
    }
}
