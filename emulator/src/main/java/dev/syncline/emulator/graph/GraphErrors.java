package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Graph's error body, {@code {"error":{"code","message","innerError"}}}, and the common errors. */
final class GraphErrors {

    private GraphErrors() {
    }

    static Response error(int status, String code, String message, Instant now) {
        return Response.json(status, body(code, message, now));
    }

    static Map<String, Object> body(String code, String message, Instant now) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("date", now.toString());
        inner.put("request-id", UUID.randomUUID().toString());
        inner.put("client-request-id", UUID.randomUUID().toString());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("innerError", inner);
        return Map.of("error", error);
    }

    static Response invalidToken(boolean presented, Instant now) {
        String message = presented ? "Access token has expired or is not yet valid." : "Access token is empty.";
        return error(401, "InvalidAuthenticationToken", message, now)
                .withHeader("WWW-Authenticate", "Bearer realm=\"\", authorization_uri="
                        + "\"https://login.microsoftonline.com/common/oauth2/authorize\", "
                        + "client_id=\"00000003-0000-0000-c000-000000000000\"");
    }

    static Response throttled(String message, Duration retryAfter, Instant now) {
        return error(429, "ApplicationThrottled", message, now)
                .withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
    }

    static Response transientFault(TransientFaults.Fault fault, Instant now) {
        Response response = switch (fault.status()) {
            case 503 -> error(503, "serviceNotAvailable", "Service unavailable.", now);
            case 504 -> error(504, "gatewayTimeout", "The gateway did not receive a timely response.", now);
            default -> error(fault.status(), "generalException", "General exception while processing.", now);
        };
        return fault.retryAfter() == null ? response
                : response.withHeader("Retry-After", Long.toString(fault.retryAfter().toSeconds()));
    }
}
