package dev.syncline.emulator.gmail;

import dev.syncline.emulator.http.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The Gmail API methods on one mailbox, once the call is authenticated and within its quota:
 * profile, labels, message list and get, history. Answers are built outside the mailbox lock.
 */
final class GmailApi {

    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 500;

    Response execute(GmailMailbox mailbox, GmailOperation.Match call, ApiQuery query) {
        try {
            return switch (call.operation()) {
                case GET_PROFILE -> profile(mailbox);
                case LIST_LABELS -> Response.json(200, Map.of("labels", mailbox.store().describeLabels()));
                case LIST_MESSAGES -> listMessages(mailbox.store(), query);
                case GET_MESSAGE -> getMessage(mailbox.store(), call.messageId(), query);
                case LIST_HISTORY -> listHistory(mailbox.store(), query);
            };
        } catch (GmailApiException e) {
            return e.response();
        }
    }

    private static Response profile(GmailMailbox mailbox) {
        MessageStore.Profile profile = mailbox.store().profile();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("emailAddress", mailbox.email());
        json.put("messagesTotal", profile.messagesTotal());
        json.put("threadsTotal", profile.threadsTotal());
        json.put("historyId", Long.toString(profile.historyId()));
        return Response.json(200, json);
    }

    private static Response listMessages(MessageStore store, ApiQuery query) {
        if (query.first("q").filter(q -> !q.isBlank()).isPresent()) {
            throw GmailApiException.invalidArgument("Search queries (q) are not emulated");
        }
        MessageStore.MessageList page = store.list(query.all("labelIds"), query.boundedInt("maxResults", DEFAULT_PAGE, MAX_PAGE),
                query.first("pageToken").filter(t -> !t.isEmpty()).orElse(null));
        Map<String, Object> json = new LinkedHashMap<>();
        if (!page.messages().isEmpty()) {
            List<Map<String, String>> refs = new ArrayList<>(page.messages().size());
            for (StoredMessage message : page.messages()) {
                refs.add(Map.of("id", GmailIds.format(message.id()), "threadId", GmailIds.format(message.threadId())));
            }
            json.put("messages", refs);
        }
        if (page.nextPageToken() != null) {
            json.put("nextPageToken", page.nextPageToken());
        }
        json.put("resultSizeEstimate", page.resultSizeEstimate());
        return Response.json(200, json);
    }

    private static Response getMessage(MessageStore store, String id, ApiQuery query) {
        MessageFormat format = MessageFormat.parse(query.first("format").orElse(null));
        OptionalLong parsed = GmailIds.parse(id);
        if (parsed.isEmpty()) {
            throw GmailApiException.invalidArgument("Invalid id value");
        }
        StoredMessage message = store.find(parsed.getAsLong()).orElseThrow(GmailApiException::notFound);
        return Response.json(200, MessageRenderer.render(message, format, query.all("metadataHeaders")));
    }

    private static Response listHistory(MessageStore store, ApiQuery query) {
        String start = query.first("startHistoryId").filter(s -> !s.isBlank())
                .orElseThrow(() -> GmailApiException.invalidArgument("Missing required parameter: startHistoryId"));
        long startHistoryId;
        try {
            startHistoryId = Long.parseUnsignedLong(start.trim());
        } catch (NumberFormatException e) {
            throw GmailApiException.invalidArgument("Invalid value for startHistoryId");
        }
        Set<String> types = new LinkedHashSet<>(query.all("historyTypes"));
        for (String type : types) {
            if (!HistoryRecord.TYPES.contains(type)) {
                throw GmailApiException.invalidArgument("Invalid value for historyTypes: " + type);
            }
        }
        MessageStore.HistoryPage page = store.history(startHistoryId, types, query.first("labelId").orElse(null),
                query.boundedInt("maxResults", DEFAULT_PAGE, MAX_PAGE), query.first("pageToken").filter(t -> !t.isEmpty()).orElse(null));
        Map<String, Object> json = new LinkedHashMap<>();
        if (!page.records().isEmpty()) {
            json.put("history", page.records().stream().map(record -> record.describe(types)).toList());
        }
        if (page.nextPageToken() != null) {
            json.put("nextPageToken", page.nextPageToken());
        }
        json.put("historyId", Long.toString(page.historyId()));
        return Response.json(200, json);
    }
}
