package dev.syncline.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.http.ProblemException;
import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.http.RouteHandler;
import dev.syncline.emulator.http.RouteModule;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.emulator.mailbox.GeneratedCalendarItem;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.GeneratedMessage;
import dev.syncline.emulator.mailbox.MailSnapshotItem;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/**
 * The Graph part of the control API over HTTP, a thin JSON mapping onto {@link GraphMailControl} and
 * {@link GraphCalendarControl}. Under {@code /_emulator/microsoft}:
 * <pre>
 * GET|PUT  /throttling                                  {enabled, requestBudget, budgetWindowSeconds} (all mailboxes)
 * POST     /mailboxes/{email}/seed                      {seed, messages, folders, calendarItems, now}
 * GET      /mailboxes/{email}/messages                  the mail snapshot
 * POST     /mailboxes/{email}/messages                  {folder, subject, key, receivedAt, seed} → {id}
 * PATCH    /mailboxes/{email}/messages/{id}             {unread, subject}
 * POST     /mailboxes/{email}/messages/{id}/move        {folder}
 * DELETE   /mailboxes/{email}/messages/{id}
 * POST     /mailboxes/{email}/mail/expire-cursors
 * GET      /mailboxes/{email}/calendar/items            the calendar snapshot
 * POST     /mailboxes/{email}/calendar/items            {title, start, durationMinutes, timeZone, key} → {id}
 * PATCH    /mailboxes/{email}/calendar/items/{id}       {title, start}
 * DELETE   /mailboxes/{email}/calendar/items/{id}
 * POST     /mailboxes/{email}/calendar/expire-cursors
 * GET      /mailboxes/{email}/counters,  POST /mailboxes/{email}/counters/reset
 * POST     /mailboxes/{email}/faults                    {status: 500|503|504, times, retryAfterSeconds}
 * DELETE   /mailboxes/{email}/faults
 * PUT      /mailboxes/{email}/latency                   {millis}
 * </pre>
 */
final class GraphControlRoutes implements RouteModule {

    private static final String PREFIX = "/_emulator/microsoft";
    private static final String MAILBOX = PREFIX + "/mailboxes/{email}";

    private final GraphMailControl mail;
    private final GraphCalendarControl calendar;
    private final Clock clock;

    GraphControlRoutes(GraphMailControl mail, GraphCalendarControl calendar, Clock clock) {
        this.mail = mail;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void register(Router router) {
        router.get(PREFIX + "/throttling", request -> Response.json(200, throttlingJson(mail.throttling())))
                .put(PREFIX + "/throttling", guarded(this::updateThrottling))
                .post(MAILBOX + "/seed", guarded(this::seed))
                .get(MAILBOX + "/messages", request -> Response.json(200, mail.snapshot(email(request)).stream()
                        .map(GraphControlRoutes::messageJson).toList()))
                .post(MAILBOX + "/messages", guarded(this::addMessage))
                .add("PATCH", MAILBOX + "/messages/{id}", guarded(this::updateMessage))
                .post(MAILBOX + "/messages/{id}/move", guarded(request -> {
                    mail.moveMessage(email(request), request.pathVariable("id"), required(request.json(), "folder"));
                    return Response.noContent();
                }))
                .delete(MAILBOX + "/messages/{id}", guarded(request -> {
                    mail.deleteMessage(email(request), request.pathVariable("id"));
                    return Response.noContent();
                }))
                .post(MAILBOX + "/mail/expire-cursors", request -> {
                    mail.expireCursors(email(request));
                    return Response.noContent();
                })
                .get(MAILBOX + "/calendar/items", request -> Response.json(200, calendar.snapshot(email(request)).stream()
                        .map(GraphControlRoutes::calendarItemJson).toList()))
                .post(MAILBOX + "/calendar/items", guarded(this::addCalendarItem))
                .add("PATCH", MAILBOX + "/calendar/items/{id}", guarded(this::updateCalendarItem))
                .delete(MAILBOX + "/calendar/items/{id}", guarded(request -> {
                    calendar.deleteItem(email(request), request.pathVariable("id"));
                    return Response.noContent();
                }))
                .post(MAILBOX + "/calendar/expire-cursors", request -> {
                    calendar.expireCursors(email(request));
                    return Response.noContent();
                })
                .get(MAILBOX + "/counters", request -> Response.json(200, mail.counters(email(request))))
                .post(MAILBOX + "/counters/reset", request -> {
                    mail.resetCounters(email(request));
                    return Response.noContent();
                })
                .post(MAILBOX + "/faults", guarded(this::injectFaults))
                .delete(MAILBOX + "/faults", request -> {
                    mail.clearFaults(email(request));
                    return Response.noContent();
                })
                .put(MAILBOX + "/latency", guarded(this::setLatency));
    }

    private Response updateThrottling(Request request) {
        JsonNode body = request.json();
        if (body.path("enabled").isBoolean()) {
            mail.setThrottling(body.get("enabled").asBoolean());
        }
        if (body.hasNonNull("requestBudget") || body.hasNonNull("budgetWindowSeconds")) {
            ThrottleSettings now = mail.throttling();
            mail.setRequestBudget(body.path("requestBudget").asInt(now.requestBudget()),
                    Duration.ofSeconds(body.path("budgetWindowSeconds").asLong(now.budgetWindow().toSeconds())));
        }
        return Response.json(200, throttlingJson(mail.throttling()));
    }

    private Response seed(Request request) {
        JsonNode body = request.json();
        String email = email(request);
        Instant now = body.hasNonNull("now") ? Instant.parse(body.get("now").asText()) : clock.instant();
        MailboxSpec spec = new MailboxSpec(body.path("seed").asLong(42), body.path("messages").asInt(0),
                body.path("folders").asInt(0), body.path("calendarItems").asInt(0), now);
        GeneratedMailbox generated = MailboxGenerator.generate(spec, email);
        int messages = mail.seed(email, generated).size();
        int items = calendar.seed(email, generated.calendarItems()).size();
        return Response.json(200, Map.of("messages", messages, "calendarItems", items));
    }

    private Response addMessage(Request request) {
        JsonNode body = request.json();
        String key = body.path("key").asText("added-" + System.nanoTime());
        Instant receivedAt = body.hasNonNull("receivedAt")
                ? Instant.parse(body.get("receivedAt").asText()) : clock.instant();
        GeneratedMessage message = MailboxGenerator.message(body.path("seed").asLong(7), key, required(body, "folder"),
                receivedAt);
        if (body.hasNonNull("subject")) {
            message = new GeneratedMessage(message.key(), message.thread(), message.folder(), message.from(), message.to(),
                    message.cc(), body.get("subject").asText(), message.body(), message.receivedAt(), message.unread(),
                    message.starred(), message.attachments());
        }
        return Response.json(201, Map.of("id", mail.addMessage(email(request), message)));
    }

    private Response updateMessage(Request request) {
        JsonNode body = request.json();
        if (!body.path("unread").isBoolean()) {
            throw new ProblemException(400, "Missing field", "'unread' (true or false) is required");
        }
        mail.updateMessage(email(request), request.pathVariable("id"), body.get("unread").asBoolean(),
                body.hasNonNull("subject") ? body.get("subject").asText() : null);
        return Response.noContent();
    }

    private Response addCalendarItem(Request request) {
        JsonNode body = request.json();
        String key = body.path("key").asText("added-" + System.nanoTime());
        GeneratedCalendarItem item = MailboxGenerator.calendarItem(key, required(body, "title"),
                LocalDateTime.parse(required(body, "start")),
                Duration.ofMinutes(body.path("durationMinutes").asLong(30)), body.path("timeZone").asText("UTC"));
        return Response.json(201, Map.of("id", calendar.addItem(email(request), item)));
    }

    private Response updateCalendarItem(Request request) {
        JsonNode body = request.json();
        calendar.updateItem(email(request), request.pathVariable("id"),
                body.hasNonNull("title") ? body.get("title").asText() : null,
                body.hasNonNull("start") ? LocalDateTime.parse(body.get("start").asText()) : null);
        return Response.noContent();
    }

    private Response injectFaults(Request request) {
        JsonNode body = request.json();
        Duration retryAfter = body.hasNonNull("retryAfterSeconds")
                ? Duration.ofSeconds(body.get("retryAfterSeconds").asLong()) : null;
        mail.injectFaults(email(request), body.path("status").asInt(503), body.path("times").asInt(1), retryAfter);
        return Response.json(201, Map.of("status", body.path("status").asInt(503), "times", body.path("times").asInt(1)));
    }

    private Response setLatency(Request request) {
        long millis = request.json().path("millis").asLong(-1);
        mail.setLatency(email(request), Duration.ofMillis(millis));
        return Response.json(200, Map.of("millis", millis));
    }

    /** Maps the control API's failures to problem details: unknown ids 404, bad input 400. */
    private static RouteHandler guarded(RouteHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (NoSuchElementException e) {
                throw new ProblemException(404, "Unknown item", e.getMessage());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ProblemException(400, "Invalid request", e.getMessage());
            }
        };
    }

    private static String email(Request request) {
        return request.pathVariable("email");
    }

    private static String required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ProblemException(400, "Missing field", "'" + field + "' is required");
        }
        return value.asText();
    }

    private static Map<String, Object> throttlingJson(ThrottleSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabled", settings.enabled());
        json.put("maxConcurrentRequests", settings.maxConcurrentRequests());
        json.put("requestBudget", settings.requestBudget());
        json.put("budgetWindowSeconds", settings.budgetWindow().toSeconds());
        return json;
    }

    private static Map<String, Object> messageJson(MailSnapshotItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("threadId", item.threadId());
        json.put("folderId", item.folderId());
        json.put("labels", new TreeSet<>(item.labels()));
        json.put("subject", item.subject());
        json.put("fromAddress", item.fromAddress());
        json.put("receivedAt", item.receivedAt().toString());
        json.put("unread", item.unread());
        json.put("attachmentNames", new TreeSet<>(item.attachmentNames()));
        return json;
    }

    private static Map<String, Object> calendarItemJson(CalendarSnapshotItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("title", item.title());
        json.put("startsAt", item.startsAt().toString());
        json.put("endsAt", item.endsAt().toString());
        json.put("allDay", item.allDay());
        json.put("cancelled", item.cancelled());
        json.put("recurrence", item.recurrence());
        return json;
    }
}
