package dev.syncline.emulator.mailbox;

import java.time.LocalDateTime;
import java.util.List;

/** Test and demo control of one provider's primary calendar, as {@link MailControl} is for mail. */
public interface CalendarControl {

    /** Replaces the user's calendar with the generated items; answers the ids in generation order. */
    List<String> seed(String email, List<GeneratedCalendarItem> items);

    String addItem(String email, GeneratedCalendarItem item);

    /** Retitles the item and, when {@code newStart} is not null, moves it keeping its length. */
    void updateItem(String email, String id, String newTitle, LocalDateTime newStart);

    /** Cancels the item (Google: status cancelled, so it disappears unless deleted items are shown). */
    void deleteItem(String email, String id);

    void expireCursors(String email);

    /** The items the provider lists now (not deleted), sorted by id. */
    List<CalendarSnapshotItem> snapshot(String email);

    void setThrottling(boolean enabled);
}
