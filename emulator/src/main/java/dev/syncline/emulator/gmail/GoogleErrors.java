package dev.syncline.emulator.gmail;

import dev.syncline.emulator.http.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Error answers in the shape Google's APIs use:
 * {@code {"error":{"code","message","errors":[{"message","domain","reason"}],"status"}}}.
 * Clients branch on {@code code} and {@code errors[].reason}; the messages are Google's wording.
 */
final class GoogleErrors {

    private GoogleErrors() {
    }

    static Response unauthenticated() {
        Map<String, Object> detail = item("Invalid Credentials", "global", "authError");
        detail.put("location", "Authorization");
        detail.put("locationType", "header");
        return error(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login "
                + "cookie or other valid authentication credential.", detail, "UNAUTHENTICATED")
                .withHeader("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
    }

    static Response rateLimited(long retryAfterSeconds) {
        String message = "User-rate limit exceeded.  Retry after " + retryAfterSeconds + " seconds";
        return error(429, message, item(message, "usageLimits", "rateLimitExceeded"), "RESOURCE_EXHAUSTED")
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    static Response notFound() {
        String message = "Requested entity was not found.";
        return error(404, message, item(message, "global", "notFound"), "NOT_FOUND");
    }

    static Response invalidArgument(String message) {
        return error(400, message, item(message, "global", "invalidArgument"), "INVALID_ARGUMENT");
    }

    static Response badRequest(String message) {
        return error(400, message, item(message, "global", "badRequest"), "INVALID_ARGUMENT");
    }

    static Response mailServiceNotEnabled() {
        String message = "Mail service not enabled";
        return error(400, message, item(message, "global", "failedPrecondition"), "FAILED_PRECONDITION");
    }

    static Response delegationDenied(String userId) {
        String message = "Delegation denied for " + userId;
        return error(403, message, item(message, "global", "forbidden"), "PERMISSION_DENIED");
    }

    static Response serverError(int status) {
        boolean unavailable = status == 503;
        String message = unavailable ? "The service is currently unavailable." : "Internal error encountered.";
        return error(status, message, item(message, "global", "backendError"), unavailable ? "UNAVAILABLE" : "INTERNAL");
    }

    private static Map<String, Object> item(String message, String domain, String reason) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("message", message);
        item.put("domain", domain);
        item.put("reason", reason);
        return item;
    }

    private static Response error(int status, String message, Map<String, Object> item, String statusName) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("message", message);
        error.put("errors", List.of(item));
        error.put("status", statusName);
        return Response.json(status, Map.of("error", error));
    }
}
