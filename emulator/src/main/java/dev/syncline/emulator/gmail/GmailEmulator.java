package dev.syncline.emulator.gmail;

import dev.syncline.emulator.http.RouteModule;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.GeneratedMessage;
import dev.syncline.emulator.mailbox.MailControl;
import dev.syncline.emulator.mailbox.MailSnapshotItem;
import dev.syncline.emulator.state.ProviderState;
import java.util.List;

/** The Gmail API of the emulated Google. (Being built: issue 3.) */
public final class GmailEmulator implements RouteModule, MailControl {

    private final ProviderState google;

    public GmailEmulator(ProviderState google) {
        this.google = google;
    }

    @Override
    public void register(Router router) {
    }

    public void reset() {
    }

    @Override
    public List<String> seed(String email, GeneratedMailbox mailbox) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String addMessage(String email, GeneratedMessage message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void updateMessage(String email, String id, boolean unread, String newSubject) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void moveMessage(String email, String id, String folder) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteMessage(String email, String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void expireCursors(String email) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<MailSnapshotItem> snapshot(String email) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setThrottling(boolean enabled) {
        throw new UnsupportedOperationException();
    }
}
