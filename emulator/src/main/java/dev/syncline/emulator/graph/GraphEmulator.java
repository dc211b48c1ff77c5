package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.RouteModule;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.mailbox.CalendarControl;
import dev.syncline.emulator.mailbox.MailControl;
import dev.syncline.emulator.state.ProviderState;

/** The Microsoft Graph mail and calendar API of the emulated Microsoft. (Being built: issue 3.) */
public final class GraphEmulator implements RouteModule {

    private final ProviderState microsoft;

    public GraphEmulator(ProviderState microsoft) {
        this.microsoft = microsoft;
    }

    @Override
    public void register(Router router) {
    }

    public void reset() {
    }

    public MailControl mail() {
        throw new UnsupportedOperationException();
    }

    public CalendarControl calendar() {
        throw new UnsupportedOperationException();
    }
}
