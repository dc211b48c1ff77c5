package dev.syncline.providers.graph;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import dev.syncline.messages.sync.AttachmentInfo;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.SyncedMessage;

import java.util.List;
import java.util.regex.Pattern;

/** A Graph message as Syncline keeps it. */
final class MessageMapping {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private MessageMapping() {
    }

    /** An entry of a delta page that only says the message left the folder. */
    static boolean isRemoval(Message message) {
        return message.getAdditionalData() != null && message.getAdditionalData().containsKey("@removed");
    }

    static SyncedMessage synced(Message message, MailSyncState.Folder folder, List<AttachmentInfo> attachments,
                                int bodyLimit) {
        String body = text(message.getBody());
        boolean truncated = body.length() > bodyLimit;
        return new SyncedMessage(message.getId(), message.getConversationId(), folder.id(), List.of(folder.name()),
                address(message.getFrom() != null ? message.getFrom() : message.getSender()),
                addresses(message.getToRecipients()), addresses(message.getCcRecipients()),
                message.getSubject(), message.getBodyPreview(), truncated ? cut(body, bodyLimit) : body, truncated,
                message.getReceivedDateTime() == null ? null : message.getReceivedDateTime().toInstant(),
                !Boolean.TRUE.equals(message.getIsRead()), attachments);
    }

    private static List<EmailAddress> addresses(List<Recipient> recipients) {
        return recipients == null ? List.of() : recipients.stream().map(MessageMapping::address).toList();
    }

    static EmailAddress address(Recipient recipient) {
        if (recipient == null || recipient.getEmailAddress() == null) {
            return null;
        }
        return new EmailAddress(recipient.getEmailAddress().getName(), recipient.getEmailAddress().getAddress());
    }

    /** Plain text is asked for; should Graph still send HTML (it may ignore the preference), tags are dropped. */
    static String text(ItemBody body) {
        if (body == null || body.getContent() == null) {
            return "";
        }
        return body.getContentType() == BodyType.Html ? TAG.matcher(body.getContent()).replaceAll("") : body.getContent();
    }

    /** At most {@code limit} characters, never ending inside a surrogate pair. */
    static String cut(String text, int limit) {
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return text.substring(0, end);
    }
}
