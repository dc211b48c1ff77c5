package dev.syncline.emulator.state;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorConfig;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** The state of every emulated provider; shared by all route modules of one server. */
public final class EmulatorState {

    private final Map<EmulatedProvider, ProviderState> providers = new EnumMap<>(EmulatedProvider.class);
    private final Clock clock;

    public EmulatorState(EmulatorConfig config) {
        this.clock = config.clock();
        for (EmulatedProvider provider : EmulatedProvider.values()) {
            providers.put(provider, new ProviderState(provider, config.provider(provider), clock));
        }
    }

    public ProviderState provider(EmulatedProvider provider) {
        return providers.get(provider);
    }

    public Clock clock() {
        return clock;
    }

    public void reset() {
        providers.values().forEach(ProviderState::reset);
    }
}
