package dev.syncline.emulator.gmail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a stored message as {@code users.messages.get} answers it, in the requested format. Runs
 * outside the mailbox lock: a stored message is immutable.
 */
final class MessageRenderer {

    private static final int SNIPPET_LENGTH = 200;

    private MessageRenderer() {
    }

    static Map<String, Object> render(StoredMessage message, MessageFormat format, List<String> metadataHeaders) {
        MessageContent content = message.content().unpack();
        String subject = MessageStore.subjectOf(message, content);
        List<Map<String, String>> headers = headers(message, content, subject);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", GmailIds.format(message.id()));
        json.put("threadId", GmailIds.format(message.threadId()));
        json.put("labelIds", message.labelIds());
        json.put("snippet", snippet(content.body()));
        json.put("sizeEstimate", sizeEstimate(content, headers));
        json.put("historyId", Long.toString(message.historyId()));
        json.put("internalDate", Long.toString(message.internalDate()));
        if (format == MessageFormat.METADATA) {
            json.put("payload", metadataPayload(content, headers, metadataHeaders));
        } else if (format == MessageFormat.FULL) {
            json.put("payload", MimePayload.build(message.id(), content, headers));
        }
        return json;
    }

    private static List<Map<String, String>> headers(StoredMessage message, MessageContent content, String subject) {
        List<Map<String, String>> headers = new ArrayList<>();
        headers.add(header("MIME-Version", "1.0"));
        headers.add(header("Date", HeaderValues.date(message.internalDate())));
        headers.add(header("Message-ID", "<" + content.key() + "." + GmailIds.format(message.id()) + "@mail.gmail.example>"));
        headers.add(header("Subject", subject == null ? "" : subject));
        if (content.from() != null) {
            headers.add(header("From", HeaderValues.address(content.from())));
        }
        if (!content.to().isEmpty()) {
            headers.add(header("To", HeaderValues.addresses(content.to())));
        }
        if (!content.cc().isEmpty()) {
            headers.add(header("Cc", HeaderValues.addresses(content.cc())));
        }
        headers.add(header("Content-Type", MimePayload.topContentType(message.id(), content)));
        return headers;
    }

    private static Map<String, Object> metadataPayload(MessageContent content, List<Map<String, String>> headers,
                                                       List<String> wanted) {
        Set<String> names = wanted.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("partId", "");
        payload.put("mimeType", MimePayload.topMimeType(content));
        payload.put("filename", "");
        payload.put("headers", names.isEmpty() ? headers : headers.stream()
                .filter(h -> names.contains(h.get("name").toLowerCase(Locale.ROOT))).toList());
        return payload;
    }

    /** Gmail's snippet: the start of the text, whitespace collapsed, HTML-escaped. */
    static String snippet(String body) {
        String text = body.replaceAll("\\s+", " ").trim();
        if (text.length() > SNIPPET_LENGTH) {
            int end = Character.isHighSurrogate(text.charAt(SNIPPET_LENGTH - 1)) ? SNIPPET_LENGTH - 1 : SNIPPET_LENGTH;
            text = text.substring(0, end);
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static int sizeEstimate(MessageContent content, List<Map<String, String>> headers) {
        long size = headers.stream().mapToLong(h -> h.get("name").length() + h.get("value").length() + 4L).sum();
        size += content.body().getBytes(StandardCharsets.UTF_8).length * 2L + 400;
        size += content.attachments().stream().mapToLong(a -> a.size() * 4 / 3 + 300).sum();
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    static Map<String, String> header(String name, String value) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("name", name);
        header.put("value", value);
        return header;
    }
}
