package dev.syncline.emulator.gmail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code multipart/mixed} bodies, the envelope of Google's batch requests: parts
 * separated by {@code --boundary} lines, each with its own headers, an empty line and its content.
 * CRLF line ends are written; bare LF is accepted.
 */
final class MultipartMixed {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final String CRLF = "\r\n";

    private MultipartMixed() {
    }

    static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            return Optional.empty();
        }
        Matcher matcher = BOUNDARY.matcher(contentType);
        return matcher.find() ? Optional.of(matcher.group(2) != null ? matcher.group(2) : matcher.group(3)) : Optional.empty();
    }

    /**
     * The parts between the first delimiter and the closing one.
     *
     * @throws IllegalArgumentException when the body has no delimiter or a part has no header block
     */
    static List<Part> parse(byte[] body, String boundary) {
        // ISO-8859-1 maps bytes to chars one to one, so offsets stay byte offsets.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int at = findDelimiter(text, delimiter, 0);
        if (at < 0) {
            throw new IllegalArgumentException("No multipart delimiter in the body");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int afterDelimiter = at + delimiter.length();
            if (text.startsWith("--", afterDelimiter)) {
                return parts;
            }
            int lineEnd = text.indexOf('\n', afterDelimiter);
            int next = lineEnd < 0 ? -1 : findDelimiter(text, delimiter, lineEnd + 1);
            if (next < 0) {
                throw new IllegalArgumentException("The multipart body is not closed");
            }
            int end = next - 1;
            if (end > lineEnd && text.charAt(end - 1) == '\r') {
                end--;
            }
            parts.add(Part.parse(text.substring(lineEnd + 1, Math.max(lineEnd + 1, end))));
            at = next;
        }
    }

    static byte[] write(String boundary, List<Written> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Written part : parts) {
            ascii(out, "--" + boundary + CRLF);
            part.headers().forEach((name, value) -> ascii(out, name + ": " + value + CRLF));
            ascii(out, CRLF);
            out.writeBytes(part.content());
            ascii(out, CRLF);
        }
        ascii(out, "--" + boundary + "--" + CRLF);
        return out.toByteArray();
    }

    /** A delimiter counts only at the start of a line. */
    private static int findDelimiter(String text, String delimiter, int from) {
        int at = text.indexOf(delimiter, from);
        while (at > 0 && text.charAt(at - 1) != '\n') {
            at = text.indexOf(delimiter, at + 1);
        }
        return at;
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Splits a header block from what follows the first empty line; header names are lower-cased. */
    static HeadedText splitHeaders(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        int at = 0;
        while (at <= text.length()) {
            int lineEnd = text.indexOf('\n', at);
            String line = text.substring(at, lineEnd < 0 ? text.length() : lineEnd);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            at = lineEnd < 0 ? text.length() + 1 : lineEnd + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return new HeadedText(headers, at > text.length() ? "" : text.substring(at));
    }

    /** Headers (lower-case names) and the text after them. */
    record HeadedText(Map<String, String> headers, String rest) {
    }

    /** One part read from a request: its headers and content, as ISO-8859-1 text. */
    record Part(Map<String, String> headers, String content) {

        static Part parse(String raw) {
            HeadedText split = splitHeaders(raw);
            return new Part(split.headers(), split.rest());
        }
    }

    /** One part to write: headers in order and content bytes. */
    record Written(Map<String, String> headers, byte[] content) {
    }
}
