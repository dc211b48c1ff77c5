package dev.syncline.emulator.gmail;

import com.sun.net.httpserver.Headers;
import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.http.Router;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /batch/gmail/v1}: up to 100 Gmail calls in one {@code multipart/mixed} request. Each
 * part is an {@code application/http} request with its own Authorization header; the answer holds one
 * {@code application/http} response per part, in the order of the parts. The envelope itself needs
 * no token; each part is authenticated, counted and charged like a direct call.
 */
final class GmailBatchEndpoint {

    static final int MAX_PARTS = 100;
    private static final Map<Integer, String> REASONS = Map.of(200, "OK", 400, "Bad Request", 401, "Unauthorized",
            403, "Forbidden", 404, "Not Found", 405, "Method Not Allowed", 429, "Too Many Requests",
            500, "Internal Server Error", 503, "Service Unavailable");

    private final GmailCalls calls;
    private final AtomicLong boundaries = new AtomicLong();

    GmailBatchEndpoint(GmailCalls calls) {
        this.calls = calls;
    }

    Response handle(Request request) throws InterruptedException {
        long arrivedAt = System.nanoTime();
        Optional<String> boundary = MultipartMixed.boundary(request.header("Content-Type").orElse(null));
        if (boundary.isEmpty()) {
            return GoogleErrors.badRequest("A batch request must be multipart/mixed with a boundary");
        }
        List<MultipartMixed.Part> parts;
        try {
            parts = MultipartMixed.parse(request.body(), boundary.get());
        } catch (IllegalArgumentException e) {
            return GoogleErrors.badRequest("Malformed multipart body: " + e.getMessage());
        }
        if (parts.isEmpty()) {
            return GoogleErrors.badRequest("The batch request holds no calls");
        }
        if (parts.size() > MAX_PARTS) {
            return GoogleErrors.badRequest("Too many requests in batch: " + parts.size() + " (at most " + MAX_PARTS + ")");
        }
        Set<GmailMailbox> mailboxes = new HashSet<>();
        List<MultipartMixed.Written> answers = new ArrayList<>(parts.size());
        int index = 0;
        for (MultipartMixed.Part part : parts) {
            index++;
            String contentId = part.headers().getOrDefault("content-id", Integer.toString(index)).replaceAll("[<>]", "");
            answers.add(answer(contentId, call(part, arrivedAt, mailboxes)));
        }
        mailboxes.forEach(mailbox -> mailbox.traffic().batchReceived());
        String responseBoundary = "batch_" + Long.toString(System.nanoTime(), 36) + "_" + boundaries.incrementAndGet();
        return new Response(200, Map.of("Content-Type", "multipart/mixed; boundary=" + responseBoundary),
                MultipartMixed.write(responseBoundary, answers));
    }

    private Response call(MultipartMixed.Part part, long arrivedAt, Set<GmailMailbox> mailboxes) throws InterruptedException {
        MultipartMixed.HeadedText inner = innerRequest(part.content());
        String[] requestLine = inner == null ? new String[0] : firstLine(part.content()).split(" ");
        if (inner == null || requestLine.length < 2) {
            return GoogleErrors.badRequest("A batch part must hold an HTTP request");
        }
        URI target;
        try {
            target = URI.create(requestLine[1]);
        } catch (IllegalArgumentException e) {
            return GoogleErrors.badRequest("Malformed request line in a batch part");
        }
        Optional<GmailOperation.Match> match = GmailOperation.match(Router.segments(target.getRawPath() == null ? "" : target.getRawPath()));
        if (match.isEmpty()) {
            return GoogleErrors.notFound();
        }
        if (!requestLine[0].equals("GET")) {
            return GoogleErrors.badRequest("Method " + requestLine[0] + " is not allowed here");
        }
        Headers headers = new Headers();
        inner.headers().forEach(headers::add);
        Request partRequest = new Request(requestLine[0], target.getRawPath(), Map.of(), Map.of(), headers,
                inner.rest().getBytes(StandardCharsets.ISO_8859_1));
        calls.mailboxOf(partRequest).ifPresent(mailboxes::add);
        return calls.handle(partRequest, match.get(), ApiQuery.parse(target.getRawQuery()), arrivedAt);
    }

    /** The headers and body of the HTTP request inside a part (the request line is skipped). */
    private static MultipartMixed.HeadedText innerRequest(String content) {
        int lineEnd = content.indexOf('\n');
        return lineEnd < 0 ? null : MultipartMixed.splitHeaders(content.substring(lineEnd + 1));
    }

    private static String firstLine(String content) {
        int lineEnd = content.indexOf('\n');
        return (lineEnd < 0 ? content : content.substring(0, lineEnd)).trim();
    }

    private static MultipartMixed.Written answer(String contentId, Response response) {
        ByteArrayOutputStream http = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(REASONS.getOrDefault(response.status(), "Error")).append("\r\n");
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(response.body().length).append("\r\n\r\n");
        http.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        http.writeBytes(response.body());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/http");
        headers.put("Content-ID", "response-" + contentId);
        return new MultipartMixed.Written(headers, http.toByteArray());
    }
}
