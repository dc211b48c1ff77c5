package dev.syncline.emulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the standalone emulator's settings from {@code --name value} (or {@code --name=value})
 * flags and {@code EMULATOR_NAME} environment variables; a flag wins over the variable, and
 * anything unset keeps its default from {@link EmulatorConfig#defaults()}.
 */
final class EmulatorOptions {

    static final String USAGE = """
            Usage: java -jar syncline-emulator-standalone.jar [--option value]...
            Every option can also be set as an environment variable: --google-client-id -> EMULATOR_GOOGLE_CLIENT_ID.
              --port N                                    default 8089 (0 = any free port)
              --host ADDRESS                              default 127.0.0.1 (0.0.0.0 inside a container)
              --google-client-id ID / --google-client-secret SECRET
              --microsoft-client-id ID / --microsoft-client-secret SECRET
              --access-token-lifetime-seconds N           both providers; default 3600
              --google-access-token-lifetime-seconds N / --microsoft-access-token-lifetime-seconds N
              --auto-consent true|false                   false shows an Allow/Deny page; default true
              --redirect-uri-prefixes URI[,URI...]        default http://localhost,http://127.0.0.1
              --google-users EMAIL:NAME[,EMAIL:NAME...]   replaces the demo users; the first is the default
              --microsoft-users EMAIL:NAME[,EMAIL:NAME...]
              --worker-threads N                          default 32
              --log-level LEVEL                           INFO; DEBUG logs every request (never tokens)
            """;

    private static final Set<String> NAMES = Set.of("port", "host", "google-client-id", "google-client-secret",
            "microsoft-client-id", "microsoft-client-secret", "access-token-lifetime-seconds",
            "google-access-token-lifetime-seconds", "microsoft-access-token-lifetime-seconds", "auto-consent",
            "redirect-uri-prefixes", "google-users", "microsoft-users", "worker-threads", "log-level");

    private final Map<String, String> values;

    private EmulatorOptions(Map<String, String> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException for an unknown flag, a flag without value, or a bad value */
    static EmulatorOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        for (String name : NAMES) {
            String fromEnv = env.get(environmentName(name));
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(name, fromEnv.trim());
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("Unknown option: --" + name);
            }
            if (eq < 0 && i + 1 >= args.length) {
                throw new IllegalArgumentException("Option --" + name + " needs a value");
            }
            values.put(name, eq < 0 ? args[++i] : arg.substring(eq + 1));
        }
        return new EmulatorOptions(values);
    }

    static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    static String environmentName(String option) {
        return "EMULATOR_" + option.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    String logLevel() {
        return values.getOrDefault("log-level", "INFO");
    }

    EmulatorConfig toConfig() {
        EmulatorConfig config = EmulatorConfig.defaults();
        config = config.withHost(values.getOrDefault("host", config.host()))
                .withPort(number("port", config.port()))
                .withWorkerThreads(number("worker-threads", config.workerThreads()));
        for (EmulatedProvider provider : EmulatedProvider.values()) {
            config = config.withProvider(provider, providerConfig(provider, config.provider(provider)));
        }
        return config;
    }

    private ProviderConfig providerConfig(EmulatedProvider provider, ProviderConfig defaults) {
        String prefix = provider.pathName() + "-";
        ProviderConfig config = defaults.withClient(
                values.getOrDefault(prefix + "client-id", defaults.clientId()),
                values.getOrDefault(prefix + "client-secret", defaults.clientSecret()));
        long lifetime = number(prefix + "access-token-lifetime-seconds",
                number("access-token-lifetime-seconds", defaults.accessTokenLifetime().toSeconds()));
        config = config.withAccessTokenLifetime(Duration.ofSeconds(lifetime))
                .withAutoConsent(bool("auto-consent", defaults.autoConsent()));
        if (values.containsKey("redirect-uri-prefixes")) {
            config = config.withRedirectUriPrefixes(list("redirect-uri-prefixes", Function.identity()));
        }
        if (values.containsKey(prefix + "users")) {
            config = config.withUsers(list(prefix + "users", EmulatorOptions::user));
        }
        return config;
    }

    private static EmulatedUser user(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? EmulatedUser.of(spec, null) : EmulatedUser.of(spec.substring(0, colon), spec.substring(colon + 1));
    }

    private <T> List<T> list(String name, Function<String, T> element) {
        return Arrays.stream(values.get(name).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(element).collect(Collectors.toList());
    }

    private int number(String name, int fallback) {
        return (int) number(name, (long) fallback);
    }

    private long number(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not " + value);
        }
    }

    private boolean bool(String name, boolean fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("--" + name + " must be true or false, not " + value);
        }
        return Boolean.parseBoolean(value);
    }
}
