package dev.syncline.emulator;

import java.time.Clock;
import java.util.Objects;

/**
 * Everything the emulator needs to start: where to listen, the settings of each provider, the
 * clock that decides token expiry, and how many worker threads serve requests.
 *
 * <p>Start from {@link #defaults()} and change what differs with the {@code with…} methods.
 *
 * @param host          address to bind; {@code 127.0.0.1} keeps the emulator off the network
 * @param port          port to bind; 0 picks a free one
 * @param workerThreads size of the bounded pool that runs handlers (also the most concurrent
 *                      requests that can be in progress, which matters for slow faults)
 */
public record EmulatorConfig(
        String host,
        int port,
        ProviderConfig google,
        ProviderConfig microsoft,
        Clock clock,
        int workerThreads) {

    public static final int DEFAULT_PORT = 8089;
    public static final int DEFAULT_WORKER_THREADS = 32;

    public EmulatorConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(google, "google");
        Objects.requireNonNull(microsoft, "microsoft");
        Objects.requireNonNull(clock, "clock");
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1");
        }
    }

    /** Loopback on port 8089, the default clients and demo users, auto-consent, one-hour tokens. */
    public static EmulatorConfig defaults() {
        return new EmulatorConfig("127.0.0.1", DEFAULT_PORT, ProviderConfig.googleDefaults(),
                ProviderConfig.microsoftDefaults(), Clock.systemUTC(), DEFAULT_WORKER_THREADS);
    }

    /** The defaults on a random free port, which is what tests want. */
    public static EmulatorConfig forTests() {
        return defaults().withPort(0);
    }

    public ProviderConfig provider(EmulatedProvider provider) {
        return provider == EmulatedProvider.GOOGLE ? google : microsoft;
    }

    public EmulatorConfig withHost(String newHost) {
        return new EmulatorConfig(newHost, port, google, microsoft, clock, workerThreads);
    }

    public EmulatorConfig withPort(int newPort) {
        return new EmulatorConfig(host, newPort, google, microsoft, clock, workerThreads);
    }

    public EmulatorConfig withGoogle(ProviderConfig config) {
        return new EmulatorConfig(host, port, config, microsoft, clock, workerThreads);
    }

    public EmulatorConfig withMicrosoft(ProviderConfig config) {
        return new EmulatorConfig(host, port, google, config, clock, workerThreads);
    }

    public EmulatorConfig withProvider(EmulatedProvider provider, ProviderConfig config) {
        return provider == EmulatedProvider.GOOGLE ? withGoogle(config) : withMicrosoft(config);
    }

    public EmulatorConfig withClock(Clock newClock) {
        return new EmulatorConfig(host, port, google, microsoft, newClock, workerThreads);
    }

    public EmulatorConfig withWorkerThreads(int threads) {
        return new EmulatorConfig(host, port, google, microsoft, clock, threads);
    }
}
