package dev.syncline.emulator.gmail;

import dev.syncline.emulator.mailbox.GeneratedAddress;
import dev.syncline.emulator.mailbox.GeneratedAttachment;
import dev.syncline.emulator.mailbox.GeneratedMessage;

import java.util.List;

/** The immutable part of a stored message, unpacked for rendering: who, what and the attachments. */
record MessageContent(
        String key,
        GeneratedAddress from,
        List<GeneratedAddress> to,
        List<GeneratedAddress> cc,
        String subject,
        String body,
        List<GeneratedAttachment> attachments) {

    static MessageContent of(GeneratedMessage message) {
        return new MessageContent(message.key(), message.from(), message.to(), message.cc(), message.subject(),
                message.body() == null ? "" : message.body(), message.attachments());
    }
}
