package dev.syncline.emulator.mailbox;

import java.util.List;

/**
 * What {@link MailboxGenerator} made: the folder names (the first is always {@code Inbox}, then
 * {@code Sent}, {@code Archive}, then user folders), the messages and the calendar items.
 */
public record GeneratedMailbox(List<String> folders, List<GeneratedMessage> messages, List<GeneratedCalendarItem> calendarItems) {

    public GeneratedMailbox {
        folders = List.copyOf(folders);
        messages = List.copyOf(messages);
        calendarItems = List.copyOf(calendarItems);
    }
}
