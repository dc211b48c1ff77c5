package dev.syncline.emulator.state;

import dev.syncline.emulator.ProviderConfig;

import java.time.Duration;
import java.util.Objects;

/** The settings of a provider that the control API may change while the emulator runs. */
public record ProviderSettings(Duration accessTokenLifetime, boolean autoConsent) {

    public ProviderSettings {
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            throw new IllegalArgumentException("accessTokenLifetime must be positive");
        }
    }

    public static ProviderSettings from(ProviderConfig config) {
        return new ProviderSettings(config.accessTokenLifetime(), config.autoConsent());
    }

    public ProviderSettings withAccessTokenLifetime(Duration lifetime) {
        return new ProviderSettings(lifetime, autoConsent);
    }

    public ProviderSettings withAutoConsent(boolean enabled) {
        return new ProviderSettings(accessTokenLifetime, enabled);
    }
}
