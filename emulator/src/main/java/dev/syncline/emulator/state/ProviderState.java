package dev.syncline.emulator.state;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.ProviderConfig;
import dev.syncline.emulator.fault.FaultQueue;
import dev.syncline.emulator.oidc.IdTokenFaults;
import dev.syncline.emulator.oidc.SigningKeys;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Everything one emulated provider remembers: users, grants and tokens, pending codes, runtime
 * settings, queued faults (of endpoints and of ID tokens), call counters and the keys that sign its
 * ID tokens. Per-user API state (a Gmail or Outlook mailbox)
 * belongs here too, keyed by the user's email like the grants.
 */
public final class ProviderState {

    private final EmulatedProvider provider;
    private final ProviderConfig config;
    private final Clock clock;
    private final UserDirectory users;
    private final GrantRegistry grants;
    private final AuthorizationCodes codes;
    private final FaultQueue faults = new FaultQueue();
    private final CallCounters counters = new CallCounters();
    private final IdTokenFaults idTokenFaults = new IdTokenFaults();
    /** Kept across a reset, like a provider's keys across a test: clients may have cached the JWKS. */
    private final SigningKeys signingKeys = new SigningKeys();
    private final AtomicReference<ProviderSettings> settings;

    public ProviderState(EmulatedProvider provider, ProviderConfig config, Clock clock) {
        this.provider = provider;
        this.config = config;
        this.clock = clock;
        TokenFactory tokens = new TokenFactory(provider);
        this.users = new UserDirectory(config.users());
        this.grants = new GrantRegistry(provider, tokens, clock);
        this.codes = new AuthorizationCodes(tokens, clock);
        this.settings = new AtomicReference<>(ProviderSettings.from(config));
    }

    public EmulatedProvider provider() {
        return provider;
    }

    /** The settings the emulator started with; what {@link #reset()} returns to. */
    public ProviderConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public UserDirectory users() {
        return users;
    }

    public GrantRegistry grants() {
        return grants;
    }

    public AuthorizationCodes codes() {
        return codes;
    }

    public FaultQueue faults() {
        return faults;
    }

    public CallCounters counters() {
        return counters;
    }

    public IdTokenFaults idTokenFaults() {
        return idTokenFaults;
    }

    public SigningKeys signingKeys() {
        return signingKeys;
    }

    public ProviderSettings settings() {
        return settings.get();
    }

    public ProviderSettings updateSettings(UnaryOperator<ProviderSettings> change) {
        return settings.updateAndGet(change);
    }

    /** Back to the start-up state: configured users and settings, no grants, faults or counts; the same keys. */
    public void reset() {
        users.reset(config.users());
        grants.clear();
        codes.clear();
        faults.clear();
        idTokenFaults.clear();
        counters.reset();
        settings.set(ProviderSettings.from(config));
    }
}
