package dev.syncline.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An HTTP request as a handler sees it: decoded path variables, query and form parameters. */
public final class Request {

    private final String method;
    private final String path;
    private final Map<String, String> pathVariables;
    private final Map<String, String> query;
    private final Headers headers;
    private final byte[] body;

    public Request(String method, String path, Map<String, String> pathVariables, Map<String, String> query,
                   Headers headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.pathVariables = Map.copyOf(pathVariables);
        this.query = Map.copyOf(query);
        this.headers = headers;
        this.body = body;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String pathVariable(String name) {
        String value = pathVariables.get(name);
        if (value == null) {
            throw new IllegalStateException("No path variable " + name + " in the route of " + path);
        }
        return value;
    }

    public Map<String, String> query() {
        return query;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    public byte[] body() {
        return body.clone();
    }

    /** Form fields of a urlencoded body; empty for any other content type, as real servers do. */
    public Map<String, String> form() {
        String contentType = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        return FormData.parse(new String(body, StandardCharsets.UTF_8));
    }

    public JsonNode json() {
        return Json.readTree(body);
    }
}
