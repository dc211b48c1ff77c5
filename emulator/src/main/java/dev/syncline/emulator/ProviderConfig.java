package dev.syncline.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Start-up settings of one emulated provider: the one registered OAuth client, where it may
 * redirect to, how long access tokens live, whether consent is automatic, and the demo users.
 * The first user is the default one, signed in when no {@code login_hint} names a known user.
 */
public record ProviderConfig(
        String clientId,
        String clientSecret,
        List<String> redirectUriPrefixes,
        Duration accessTokenLifetime,
        boolean autoConsent,
        List<EmulatedUser> users) {

    /** Loopback URIs on any port and path, which is what desktop and dev-time clients use. */
    public static final List<String> LOOPBACK_REDIRECT_PREFIXES =
            List.of("http://localhost", "http://127.0.0.1");
    public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

    public ProviderConfig {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        redirectUriPrefixes = List.copyOf(redirectUriPrefixes);
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            throw new IllegalArgumentException("accessTokenLifetime must be positive");
        }
        users = List.copyOf(users);
    }

    public static ProviderConfig googleDefaults() {
        return new ProviderConfig("syncline-google-dev", "google-dev-secret", LOOPBACK_REDIRECT_PREFIXES,
                DEFAULT_ACCESS_TOKEN_LIFETIME, true, List.of(EmulatedUser.of("ada@gmail.example", "Ada Lovelace")));
    }

    public static ProviderConfig microsoftDefaults() {
        return new ProviderConfig("syncline-microsoft-dev", "microsoft-dev-secret", LOOPBACK_REDIRECT_PREFIXES,
                DEFAULT_ACCESS_TOKEN_LIFETIME, true, List.of(EmulatedUser.of("grace@outlook.example", "Grace Hopper")));
    }

    public static ProviderConfig defaultsFor(EmulatedProvider provider) {
        return provider == EmulatedProvider.GOOGLE ? googleDefaults() : microsoftDefaults();
    }

    public ProviderConfig withClient(String id, String secret) {
        return new ProviderConfig(id, secret, redirectUriPrefixes, accessTokenLifetime, autoConsent, users);
    }

    public ProviderConfig withRedirectUriPrefixes(List<String> prefixes) {
        return new ProviderConfig(clientId, clientSecret, prefixes, accessTokenLifetime, autoConsent, users);
    }

    public ProviderConfig withAccessTokenLifetime(Duration lifetime) {
        return new ProviderConfig(clientId, clientSecret, redirectUriPrefixes, lifetime, autoConsent, users);
    }

    public ProviderConfig withAutoConsent(boolean enabled) {
        return new ProviderConfig(clientId, clientSecret, redirectUriPrefixes, accessTokenLifetime, enabled, users);
    }

    public ProviderConfig withUsers(List<EmulatedUser> replacement) {
        return new ProviderConfig(clientId, clientSecret, redirectUriPrefixes, accessTokenLifetime, autoConsent,
                replacement);
    }

    /** Adds a user after the existing ones, so the default user stays the same. */
    public ProviderConfig withUser(EmulatedUser user) {
        List<EmulatedUser> more = new ArrayList<>(users);
        more.add(user);
        return withUsers(more);
    }
}
