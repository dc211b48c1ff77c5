package dev.syncline.emulator.graph;

import dev.syncline.emulator.mailbox.GeneratedAddress;
import dev.syncline.emulator.mailbox.GeneratedAttachment;
import dev.syncline.emulator.mailbox.GeneratedMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Graph's JSON of a message, an attachment and a removal, honouring {@code $select} and the id type. */
final class MessageJson {

    private static final int PREVIEW_LENGTH = 255;

    private MessageJson() {
    }

    /** @param select the fields asked for; empty means all (the id always comes) */
    static Map<String, Object> message(StoredMessage message, GraphIds ids, GraphPreferences preferences,
                                       Set<String> select) {
        GeneratedMessage content = message.content();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.type", "#microsoft.graph.message");
        json.put("id", preferences.immutableIds() ? message.id() : ids.restMessage(message.serial(), message.generation()));
        putIf(json, select, "receivedDateTime", () -> content.receivedAt().toString());
        putIf(json, select, "sentDateTime", () -> content.receivedAt().toString());
        putIf(json, select, "hasAttachments", () -> !content.attachments().isEmpty());
        putIf(json, select, "subject", message::subject);
        putIf(json, select, "bodyPreview", () -> preview(content.body()));
        putIf(json, select, "isRead", message::read);
        putIf(json, select, "conversationId", () -> ids.conversation(content.thread()));
        putIf(json, select, "parentFolderId", message::folderId);
        putIf(json, select, "body", () -> body(content.body(), preferences.textBody()));
        putIf(json, select, "sender", () -> recipient(content.from()));
        putIf(json, select, "from", () -> recipient(content.from()));
        putIf(json, select, "toRecipients", () -> content.to().stream().map(MessageJson::recipient).toList());
        putIf(json, select, "ccRecipients", () -> content.cc().stream().map(MessageJson::recipient).toList());
        putIf(json, select, "flag", () -> Map.of("flagStatus", content.starred() ? "flagged" : "notFlagged"));
        return json;
    }

    /** An item that left the scope: Graph sends only its id and the reason. */
    static Map<String, Object> removed(String id, String reason) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("@removed", Map.of("reason", reason));
        return json;
    }

    static Map<String, Object> attachment(GeneratedAttachment attachment, String id, Set<String> select) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.type", "#microsoft.graph.fileAttachment");
        json.put("id", id);
        putIf(json, select, "name", attachment::name);
        putIf(json, select, "contentType", attachment::contentType);
        putIf(json, select, "size", attachment::size);
        putIf(json, select, "isInline", () -> false);
        return json;
    }

    static Map<String, Object> recipient(GeneratedAddress address) {
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("name", address.name());
        email.put("address", address.email());
        return Map.of("emailAddress", email);
    }

    /** Graph's preview: the text with runs of white space folded, cut at 255 characters. */
    static String preview(String body) {
        StringBuilder preview = new StringBuilder(PREVIEW_LENGTH);
        boolean space = false;
        for (int i = 0; i < body.length() && preview.length() < PREVIEW_LENGTH; i++) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                space = preview.length() > 0;
            } else {
                if (space) {
                    preview.append(' ');
                    space = false;
                }
                if (preview.length() < PREVIEW_LENGTH) {
                    preview.append(c);
                }
            }
        }
        return preview.toString();
    }

    static Map<String, Object> body(String text, boolean asText) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contentType", asText ? "text" : "html");
        body.put("content", asText ? text : html(text));
        return body;
    }

    private static String html(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
        return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>"
                + escaped + "</body></html>";
    }

    private static void putIf(Map<String, Object> json, Set<String> select, String field,
                              Supplier<Object> value) {
        if (select.isEmpty() || select.contains(field)) {
            json.put(field, value.get());
        }
    }

    /** The {@code $select} list as a set, trimmed; empty when absent. */
    static Set<String> fields(List<String> select) {
        return Set.copyOf(select.stream().map(String::trim).filter(field -> !field.isEmpty()).toList());
    }
}
