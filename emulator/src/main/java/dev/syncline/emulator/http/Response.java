package dev.syncline.emulator.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, headers and body bytes. Immutable; {@code with…} copies. */
public record Response(int status, Map<String, String> headers, byte[] body) {

    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response json(int status, Object body) {
        return new Response(status, Map.of("Content-Type", "application/json; charset=utf-8"), Json.write(body));
    }

    public static Response problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return new Response(status, Map.of("Content-Type", "application/problem+json"), Json.write(body));
    }

    public static Response text(int status, String text) {
        return new Response(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                text.getBytes(StandardCharsets.UTF_8));
    }

    public static Response html(int status, String html) {
        return new Response(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                html.getBytes(StandardCharsets.UTF_8));
    }

    public static Response redirect(URI location) {
        return new Response(302, Map.of("Location", location.toString()), new byte[0]);
    }

    public static Response noContent() {
        return new Response(204, Map.of(), new byte[0]);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, more, body);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
