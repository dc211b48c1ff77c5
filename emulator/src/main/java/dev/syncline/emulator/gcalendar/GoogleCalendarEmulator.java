package dev.syncline.emulator.gcalendar;

import dev.syncline.emulator.http.RouteModule;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.mailbox.CalendarControl;
import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.emulator.mailbox.GeneratedCalendarItem;
import dev.syncline.emulator.state.ProviderState;
import java.time.LocalDateTime;
import java.util.List;

/** The Google Calendar API of the emulated Google. (Being built: issue 3.) */
public final class GoogleCalendarEmulator implements RouteModule, CalendarControl {

    private final ProviderState google;

    public GoogleCalendarEmulator(ProviderState google) {
        this.google = google;
    }

    @Override
    public void register(Router router) {
    }

    public void reset() {
    }

    @Override
    public List<String> seed(String email, List<GeneratedCalendarItem> items) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String addItem(String email, GeneratedCalendarItem item) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void updateItem(String email, String id, String newTitle, LocalDateTime newStart) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteItem(String email, String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void expireCursors(String email) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<CalendarSnapshotItem> snapshot(String email) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setThrottling(boolean enabled) {
        throw new UnsupportedOperationException();
    }
}
