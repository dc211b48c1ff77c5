package dev.syncline.emulator.gcalendar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.http.ProblemException;
import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.http.RouteHandler;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.NoSuchElementException;

import static dev.syncline.emulator.gcalendar.CalendarControlJson.countersJson;
import static dev.syncline.emulator.gcalendar.CalendarControlJson.faultJson;
import static dev.syncline.emulator.gcalendar.CalendarControlJson.missing;
import static dev.syncline.emulator.gcalendar.CalendarControlJson.optionalText;
import static dev.syncline.emulator.gcalendar.CalendarControlJson.quotaFrom;
import static dev.syncline.emulator.gcalendar.CalendarControlJson.quotaJson;
import static dev.syncline.emulator.gcalendar.CalendarControlJson.requireZone;
import static dev.syncline.emulator.gcalendar.CalendarControlJson.requiredInt;

/**
 * The control API of the emulated Google calendars, a thin JSON mapping onto
 * {@link GoogleCalendarEmulator}. Under {@code /_emulator/google/mailboxes/{email}/calendar}:
 * <ul>
 *   <li>{@code POST /seed} {@code {"seed":42,"calendarItems":300,"now":"2026-03-01T09:00:00Z"}} → 201 {@code {"ids":[…]}}</li>
 *   <li>{@code POST /items} {@code {"title","start":"2026-03-02T10:00","durationMinutes":60,
 *       "timeZone":"Europe/Berlin"}} → 201 {@code {"id"}}</li>
 *   <li>{@code PATCH /items/{id}} {@code {"title","start"}} (start optional: moves keeping the length) → 204</li>
 *   <li>{@code DELETE /items/{id}} → 204 (the item is cancelled)</li>
 *   <li>{@code POST /expire-cursors} → 204</li>
 *   <li>{@code GET /snapshot} → the items the calendar lists</li>
 *   <li>{@code GET /counters}, {@code POST /counters/reset}</li>
 *   <li>{@code PUT /throttling} {@code {"enabled":true,"requestsPerWindow":600,"windowSeconds":60,
 *       "answer":"429"|"403"}} (fields left out keep their values)</li>
 *   <li>{@code GET|POST|DELETE /faults} {@code {"status":503,"times":2,"retryAfterSeconds":5}}</li>
 *   <li>{@code PUT /latency} {@code {"millis":250}}</li>
 * </ul>
 * and {@code PUT /_emulator/google/calendar/throttling} for every user at once. Unknown users and items
 * answer 404, invalid bodies 400, as problem details.
 */
final class CalendarControlRoutes {

    private static final String MAILBOX = "/_emulator/google/mailboxes/{email}/calendar";

    private final GoogleCalendarEmulator calendars;
    private final Clock clock;

    CalendarControlRoutes(GoogleCalendarEmulator calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    void register(Router router) {
        router.post(MAILBOX + "/seed", guarded(this::seed))
                .post(MAILBOX + "/items", guarded(this::addItem))
                .add("PATCH", MAILBOX + "/items/{id}", guarded(this::updateItem))
                .delete(MAILBOX + "/items/{id}", guarded(this::deleteItem))
                .post(MAILBOX + "/expire-cursors", guarded(this::expireCursors))
                .get(MAILBOX + "/snapshot", guarded(this::snapshot))
                .get(MAILBOX + "/counters", guarded(this::counters))
                .post(MAILBOX + "/counters/reset", guarded(this::resetCounters))
                .put(MAILBOX + "/throttling", guarded(this::throttleMailbox))
                .get(MAILBOX + "/faults", guarded(this::pendingFaults))
                .post(MAILBOX + "/faults", guarded(this::injectFault))
                .delete(MAILBOX + "/faults", guarded(this::clearFaults))
                .put(MAILBOX + "/latency", guarded(this::setLatency))
                .put("/_emulator/google/calendar/throttling", guarded(this::throttleEveryone));
    }

    private Response seed(Request request) {
        String email = email(request);
        JsonNode body = request.json();
        int count = requiredInt(body, "calendarItems");
        Instant now = optionalText(body, "now").map(CalendarControlJson::instant).orElseGet(clock::instant);
        MailboxSpec spec;
        try {
            spec = new MailboxSpec(body.path("seed").asLong(42), 0, 0, count, now);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Invalid seed", e.getMessage());
        }
        return Response.json(201, Map.of("ids",
                calendars.seed(email, MailboxGenerator.generate(spec, email).calendarItems())));
    }

    private Response addItem(Request request) {
        JsonNode body = request.json();
        String title = optionalText(body, "title").orElseThrow(() -> missing("title"));
        LocalDateTime start = optionalText(body, "start").map(CalendarControlJson::localDateTime)
                .orElseThrow(() -> missing("start"));
        long minutes = body.path("durationMinutes").asLong(60);
        if (minutes < 1) {
            throw new ProblemException(400, "Invalid item", "durationMinutes must be positive");
        }
        String zone = optionalText(body, "timeZone").orElse("UTC");
        requireZone(zone);
        String key = optionalText(body, "key").orElse("added");
        String id = calendars.addItem(email(request),
                MailboxGenerator.calendarItem(key, title, start, Duration.ofMinutes(minutes), zone));
        return Response.json(201, Map.of("id", id));
    }

    private Response updateItem(Request request) {
        JsonNode body = request.json();
        calendars.updateItem(email(request), request.pathVariable("id"), optionalText(body, "title").orElse(null),
                optionalText(body, "start").map(CalendarControlJson::localDateTime).orElse(null));
        return Response.noContent();
    }

    private Response deleteItem(Request request) {
        calendars.deleteItem(email(request), request.pathVariable("id"));
        return Response.noContent();
    }

    private Response expireCursors(Request request) {
        calendars.expireCursors(email(request));
        return Response.noContent();
    }

    private Response snapshot(Request request) {
        return Response.json(200, calendars.snapshot(email(request)).stream().map(CalendarControlJson::itemJson).toList());
    }

    private Response counters(Request request) {
        return Response.json(200, countersJson(calendars.counters(email(request))));
    }

    private Response resetCounters(Request request) {
        calendars.resetCounters(email(request));
        return Response.noContent();
    }

    private Response throttleMailbox(Request request) {
        String email = email(request);
        CalendarQuota quota = quotaFrom(request.json(), calendars.quota(email));
        calendars.setQuota(email, quota);
        return Response.json(200, quotaJson(quota));
    }

    private Response throttleEveryone(Request request) {
        CalendarQuota quota = quotaFrom(request.json(), CalendarQuota.GOOGLE_DEFAULT);
        calendars.setQuota(quota);
        return Response.json(200, quotaJson(quota));
    }

    private Response pendingFaults(Request request) {
        return Response.json(200, calendars.pendingFaults(email(request)).stream()
                .map(CalendarControlJson::faultJson).toList());
    }

    private Response injectFault(Request request) {
        JsonNode body = request.json();
        CalendarFault fault;
        try {
            fault = CalendarFault.serverErrors(requiredInt(body, "status"), body.path("times").asInt(1));
            if (body.hasNonNull("retryAfterSeconds")) {
                fault = fault.withRetryAfter(Duration.ofSeconds(body.get("retryAfterSeconds").asLong()));
            }
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Invalid fault", e.getMessage());
        }
        calendars.injectFault(email(request), fault);
        return Response.json(201, faultJson(fault));
    }

    private Response clearFaults(Request request) {
        calendars.clearFaults(email(request));
        return Response.noContent();
    }

    private Response setLatency(Request request) {
        long millis = requiredInt(request.json(), "millis");
        if (millis < 0) {
            throw new ProblemException(400, "Invalid latency", "millis must not be negative");
        }
        String email = email(request);
        calendars.setLatency(email, Duration.ofMillis(millis));
        return Response.json(200, Map.of("millis", calendars.latency(email).toMillis()));
    }

    private static String email(Request request) {
        return request.pathVariable("email");
    }

    /** Unknown users and items become 404 and rejected values 400, whichever handler meets them. */
    private static RouteHandler guarded(RouteHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (NoSuchElementException e) {
                throw new ProblemException(404, "Not found", e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, "Invalid request", e.getMessage());
            }
        };
    }
}
