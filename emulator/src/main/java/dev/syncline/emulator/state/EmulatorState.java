package dev.syncline.emulator.state;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.gcalendar.GoogleCalendarEmulator;
import dev.syncline.emulator.gmail.GmailEmulator;
import dev.syncline.emulator.graph.GraphEmulator;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** The state of every emulated provider; shared by all route modules of one server. */
public final class EmulatorState {

    private final Map<EmulatedProvider, ProviderState> providers = new EnumMap<>(EmulatedProvider.class);
    private final Clock clock;
    private final GmailEmulator gmail;
    private final GoogleCalendarEmulator googleCalendar;
    private final GraphEmulator graph;

    public EmulatorState(EmulatorConfig config) {
        this.clock = config.clock();
        for (EmulatedProvider provider : EmulatedProvider.values()) {
            providers.put(provider, new ProviderState(provider, config.provider(provider), clock));
        }
        this.gmail = new GmailEmulator(provider(EmulatedProvider.GOOGLE));
        this.googleCalendar = new GoogleCalendarEmulator(provider(EmulatedProvider.GOOGLE));
        this.graph = new GraphEmulator(provider(EmulatedProvider.MICROSOFT));
    }

    public ProviderState provider(EmulatedProvider provider) {
        return providers.get(provider);
    }

    public Clock clock() {
        return clock;
    }

    public GmailEmulator gmail() {
        return gmail;
    }

    public GoogleCalendarEmulator googleCalendar() {
        return googleCalendar;
    }

    public GraphEmulator graph() {
        return graph;
    }

    public void reset() {
        providers.values().forEach(ProviderState::reset);
        gmail.reset();
        googleCalendar.reset();
        graph.reset();
    }
}
