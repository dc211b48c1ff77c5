package dev.syncline.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The single {@link HttpHandler} of the server: reads the request, routes it, writes the answer
 * and logs one line per request. The log line carries the path only, never the query or body,
 * because those hold codes, tokens, secrets and verifiers.
 */
public final class RequestDispatcher implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);
    /** Far above any OAuth or control request; stops a runaway client from filling the heap. */
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final Router router;

    public RequestDispatcher(Router router) {
        this.router = router;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        Response response;
        try {
            response = dispatch(exchange, method, rawPath);
        } catch (ProblemException e) {
            response = e.toResponse();
        } catch (Exception e) {
            log.error("Handler failed for {} {}", method, rawPath, e);
            response = Response.problem(500, "Emulator failure", e.getClass().getSimpleName());
        }
        try {
            write(exchange, response);
        } finally {
            exchange.close();
            if (log.isDebugEnabled()) {
                log.debug("{} {} -> {} ({} ms)", method, rawPath, response.status(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    private Response dispatch(HttpExchange exchange, String method, String rawPath) throws Exception {
        Router.Resolution resolution = router.resolve(method, Router.segments(rawPath));
        if (!resolution.found()) {
            if (resolution.allowedMethods().isEmpty()) {
                return Response.problem(404, "Not Found", "No emulated endpoint at " + rawPath);
            }
            return Response.problem(405, "Method Not Allowed", method + " is not supported here")
                    .withHeader("Allow", String.join(", ", resolution.allowedMethods()));
        }
        Request request = new Request(method, rawPath, resolution.variables(),
                FormData.parse(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(),
                readBody(exchange.getRequestBody()));
        return resolution.handler().handle(request);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new ProblemException(413, "Payload Too Large", "Request bodies are limited to 1 MiB");
        }
        return body;
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        byte[] body = response.body();
        boolean bodyless = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), bodyless ? -1 : body.length);
        if (!bodyless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
