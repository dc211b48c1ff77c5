package dev.syncline.providers.gmail;

import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartHeader;
import dev.syncline.messages.sync.AttachmentInfo;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.SyncedMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a Gmail message ({@code format=full}) to Syncline's {@link SyncedMessage}: labels as Gmail's ids
 * (no folder), addresses parsed from the headers, the body as plain text within the limit, attachments
 * as the parts with a filename.
 */
final class GmailMessageMapper {

    private static final String UNREAD = "UNREAD";

    private final int bodyLimit;

    GmailMessageMapper(int bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    SyncedMessage map(Message message) {
        MessagePart payload = message.getPayload();
        List<String> labels = message.getLabelIds() == null ? List.of() : message.getLabelIds();
        List<EmailAddress> from = AddressListParser.parse(header(payload, "From"));
        MessageText.Body body = MessageText.of(payload, bodyLimit);
        String subject = header(payload, "Subject");
        return new SyncedMessage(
                message.getId(),
                message.getThreadId(),
                null,
                labels,
                from.isEmpty() ? null : from.get(0),
                AddressListParser.parse(header(payload, "To")),
                AddressListParser.parse(header(payload, "Cc")),
                subject == null ? null : EncodedWords.decode(subject),
                HtmlText.decodeEntities(message.getSnippet()),
                body.text(),
                body.truncated(),
                message.getInternalDate() == null ? null : Instant.ofEpochMilli(message.getInternalDate()),
                labels.contains(UNREAD),
                attachments(payload));
    }

    /** All values of a top-level header joined as one list (a message may repeat To or Cc), or null. */
    private static String header(MessagePart payload, String name) {
        if (payload == null || payload.getHeaders() == null) {
            return null;
        }
        List<String> values = new ArrayList<>(1);
        for (MessagePartHeader header : payload.getHeaders()) {
            if (name.equalsIgnoreCase(header.getName()) && header.getValue() != null) {
                values.add(header.getValue());
            }
        }
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static List<AttachmentInfo> attachments(MessagePart payload) {
        List<AttachmentInfo> attachments = new ArrayList<>();
        collect(payload, attachments);
        return attachments;
    }

    private static void collect(MessagePart part, List<AttachmentInfo> attachments) {
        if (part == null) {
            return;
        }
        if (part.getFilename() != null && !part.getFilename().isEmpty()) {
            long size = part.getBody() == null || part.getBody().getSize() == null ? 0 : part.getBody().getSize();
            attachments.add(new AttachmentInfo(EncodedWords.decode(part.getFilename()), part.getMimeType(), size));
        }
        if (part.getParts() != null) {
            part.getParts().forEach(child -> collect(child, attachments));
        }
    }
}
