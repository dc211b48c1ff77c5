package dev.syncline.emulator.graph;

import dev.syncline.emulator.mailbox.CalendarControl;
import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.emulator.mailbox.GeneratedCalendarItem;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Control of the emulated Outlook primary calendar. Deleting an item removes it (it comes as
 * {@code @removed}); a generated cancelled meeting stays, with {@code isCancelled}. Unknown ids throw
 * {@link java.util.NoSuchElementException}.
 */
public final class GraphCalendarControl implements CalendarControl {

    private final GraphMailboxes mailboxes;

    GraphCalendarControl(GraphMailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public List<String> seed(String email, List<GeneratedCalendarItem> items) {
        return mailboxes.of(email).calendar().seed(items);
    }

    @Override
    public String addItem(String email, GeneratedCalendarItem item) {
        return mailboxes.of(email).calendar().add(item);
    }

    @Override
    public void updateItem(String email, String id, String newTitle, LocalDateTime newStart) {
        mailboxes.of(email).calendar().update(id, newTitle, newStart);
    }

    @Override
    public void deleteItem(String email, String id) {
        mailboxes.of(email).calendar().delete(id);
    }

    /** Every delta and skip token of the user's calendar answers 410 {@code resyncRequired} from now on. */
    @Override
    public void expireCursors(String email) {
        mailboxes.of(email).calendar().expireCursors();
    }

    @Override
    public List<CalendarSnapshotItem> snapshot(String email) {
        return mailboxes.of(email).calendar().snapshot();
    }

    /** The same switch as {@link GraphMailControl#setThrottling(boolean)}: a mailbox is throttled as a whole. */
    @Override
    public void setThrottling(boolean enabled) {
        mailboxes.updateThrottling(settings -> settings.withEnabled(enabled));
    }
}
