package dev.syncline.emulator.gmail;

import dev.syncline.emulator.mailbox.GeneratedAttachment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MIME tree of {@code format=full}, shaped like a message a mail client sent: without
 * attachments {@code multipart/alternative} (text/plain, text/html); with them {@code multipart/mixed}
 * holding that alternative part and one part per attachment (filename, mimeType, body.attachmentId
 * and body.size, no data, as Gmail does).
 */
final class MimePayload {

    private static final String PLAIN = "text/plain";
    private static final String HTML = "text/html";
    private static final String ALTERNATIVE = "multipart/alternative";
    private static final String MIXED = "multipart/mixed";

    private MimePayload() {
    }

    static String topMimeType(MessageContent content) {
        return content.attachments().isEmpty() ? ALTERNATIVE : MIXED;
    }

    static String topContentType(long id, MessageContent content) {
        return topMimeType(content) + "; boundary=\"" + boundary(id, content.attachments().isEmpty() ? 'a' : 'm') + "\"";
    }

    static Map<String, Object> build(long id, MessageContent content, List<Map<String, String>> headers) {
        if (content.attachments().isEmpty()) {
            return alternative("", content.body(), headers);
        }
        List<Map<String, Object>> parts = new ArrayList<>();
        parts.add(alternative("0", content.body(),
                List.of(MessageRenderer.header("Content-Type", ALTERNATIVE + "; boundary=\"" + boundary(id, 'a') + "\""))));
        for (int i = 0; i < content.attachments().size(); i++) {
            parts.add(attachment(Integer.toString(i + 1), id, i, content.attachments().get(i)));
        }
        return part("", MIXED, "", headers, Map.of("size", 0), parts);
    }

    private static Map<String, Object> alternative(String partId, String text, List<Map<String, String>> headers) {
        String prefix = partId.isEmpty() ? "" : partId + ".";
        List<Map<String, Object>> parts = List.of(
                textPart(prefix + "0", PLAIN, text),
                textPart(prefix + "1", HTML, html(text)));
        return part(partId, ALTERNATIVE, "", headers, Map.of("size", 0), parts);
    }

    private static Map<String, Object> textPart(String partId, String mimeType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", bytes.length);
        body.put("data", Base64.getUrlEncoder().encodeToString(bytes));
        List<Map<String, String>> headers = List.of(
                MessageRenderer.header("Content-Type", mimeType + "; charset=\"UTF-8\""),
                MessageRenderer.header("Content-Transfer-Encoding", "quoted-printable"));
        return part(partId, mimeType, "", headers, body, null);
    }

    private static Map<String, Object> attachment(String partId, long id, int index, GeneratedAttachment attachment) {
        String name = attachment.name().replace("\"", "");
        String contentId = "f_" + Long.toString(id ^ (index + 1L) * 0x9E3779B97F4A7C15L, 36);
        List<Map<String, String>> headers = List.of(
                MessageRenderer.header("Content-Type", attachment.contentType() + "; name=\"" + name + "\""),
                MessageRenderer.header("Content-Disposition", "attachment; filename=\"" + name + "\""),
                MessageRenderer.header("Content-Transfer-Encoding", "base64"),
                MessageRenderer.header("Content-ID", "<" + contentId + ">"),
                MessageRenderer.header("X-Attachment-Id", contentId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("attachmentId", attachmentId(id, index));
        body.put("size", attachment.size());
        return part(partId, attachment.contentType(), attachment.name(), headers, body, null);
    }

    private static Map<String, Object> part(String partId, String mimeType, String filename, List<Map<String, String>> headers,
                                            Map<String, Object> body, List<Map<String, Object>> parts) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("partId", partId);
        part.put("mimeType", mimeType);
        part.put("filename", filename);
        part.put("headers", headers);
        part.put("body", body);
        if (parts != null) {
            part.put("parts", parts);
        }
        return part;
    }

    /** What a mail client would send as HTML beside the text: escaped, line breaks kept. */
    private static String html(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return "<div dir=\"ltr\">" + escaped.replace("\n", "<br>\n") + "</div>\n";
    }

    /** Long and opaque like Gmail's, and stable for a message and position. */
    private static String attachmentId(long id, int index) {
        ByteBuffer bytes = ByteBuffer.allocate(48);
        long state = id * 31 + index;
        for (int i = 0; i < 6; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            bytes.putLong(state ^ (state >>> 29));
        }
        return "ANGjdJ" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static String boundary(long id, char kind) {
        return "0000000000" + kind + GmailIds.format(id);
    }
}
