package dev.syncline.emulator.gcalendar;

import dev.syncline.emulator.http.Response;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error documents of Google's JSON APIs, as the Calendar API sends them:
 * {@code {"error":{"errors":[{"domain","reason","message"}],"code","message","status"}}}. Clients branch on
 * the status and {@code reason}; the messages are Google's own wording.
 */
final class GoogleApiErrors {

    private GoogleApiErrors() {
    }

    /** 401; the challenge tells an absent token apart from a rejected one, as Google's front end does. */
    static Response invalidCredentials(boolean tokenPresented) {
        Map<String, Object> item = item("global", "authError", "Invalid Credentials");
        item.put("locationType", "header");
        item.put("location", "Authorization");
        String challenge = tokenPresented
                ? "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\""
                : "Bearer realm=\"https://accounts.google.com/\"";
        return document(401, "UNAUTHENTICATED", "Invalid Credentials", item).withHeader("WWW-Authenticate", challenge);
    }

    static Response invalidParameter(String message) {
        return document(400, "INVALID_ARGUMENT", message, item("global", "invalid", message));
    }

    static Response calendarNotFound() {
        return document(404, "NOT_FOUND", "Not Found", item("global", "notFound", "Not Found"));
    }

    static Response fullSyncRequired() {
        String message = "Sync token is no longer valid, a full sync is required.";
        return document(410, "FAILED_PRECONDITION", message, item("global", "fullSyncRequired", message));
    }

    /** The quota refusal; a 429 names the wait in whole seconds, never less than one. */
    static Response rateLimitExceeded(ThrottleAnswer answer, Duration retryAfter) {
        Map<String, Object> item = item("usageLimits", "rateLimitExceeded", "Rate Limit Exceeded");
        if (answer == ThrottleAnswer.RATE_LIMIT_EXCEEDED) {
            return document(403, "PERMISSION_DENIED", "Rate Limit Exceeded", item);
        }
        return document(429, "RESOURCE_EXHAUSTED", "Rate Limit Exceeded", item)
                .withHeader("Retry-After", Long.toString(retryAfterSeconds(retryAfter)));
    }

    static Response backendError(int status) {
        String message = status == 503 ? "The service is currently unavailable." : "Backend Error";
        return document(status, status == 503 ? "UNAVAILABLE" : "INTERNAL", message,
                item("global", "backendError", message));
    }

    /** Retry-After carries whole seconds; rounding up keeps a client that obeys it outside the window. */
    static long retryAfterSeconds(Duration wait) {
        long seconds = (wait.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }

    private static Map<String, Object> item(String domain, String reason, String message) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("domain", domain);
        item.put("reason", reason);
        item.put("message", message);
        return item;
    }

    private static Response document(int code, String status, String message, Map<String, Object> item) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errors", List.of(item));
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        return Response.json(code, Map.of("error", error));
    }
}
