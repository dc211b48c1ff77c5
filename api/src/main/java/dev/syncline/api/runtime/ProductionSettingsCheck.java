package dev.syncline.api.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The {@code prod} profile's check of what an operator must give: before any bean is created, it names every
 * missing variable at once (rather than the first one some bean happens to need), and refuses development
 * keys and the emulator. Registered by {@link ProductionProfileConfiguration}.
 */
final class ProductionSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    /** Each required environment variable and the property it sets (see application.yml and application-prod.yml). */
    static final Map<String, String> REQUIRED = requiredSettings();
    /** Each provider's client registration: its id variable and property, then its secret's. */
    static final List<List<String>> PROVIDER_CLIENTS = List.of(
            List.of("GOOGLE_CLIENT_ID", "syncline.providers.google.client-id",
                    "GOOGLE_CLIENT_SECRET", "syncline.providers.google.client-secret"),
            List.of("MICROSOFT_CLIENT_ID", "syncline.providers.microsoft.client-id",
                    "MICROSOFT_CLIENT_SECRET", "syncline.providers.microsoft.client-secret"));

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> missing = new ArrayList<>(REQUIRED.entrySet().stream()
                .filter(setting -> isBlank(setting.getValue()))
                .map(setting -> setting.getKey() + " (" + setting.getValue() + ")")
                .toList());
        missing.addAll(missingProviderClients());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The prod profile cannot start without " + String.join(", ", missing)
                    + ". Set them as environment variables; README.md, Configuration, says what each holds.");
        }
        List<String> development = List.of("syncline.vault.generate-development-key-ring",
                        "syncline.security.jwt.generate-development-keys", "syncline.emulator.enabled").stream()
                .filter(flag -> environment.getProperty(flag, Boolean.class, false))
                .toList();
        if (!development.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses development settings: " + String.join(", ", development)
                    + " must be false (SYNCLINE_GENERATE_DEVELOPMENT_KEYS, SYNCLINE_EMULATOR_ENABLED).");
        }
    }

    /**
     * Either provider may be left out, but not both (nobody could connect an account), and a client id
     * without its secret, or the reverse, is half a registration.
     */
    private List<String> missingProviderClients() {
        List<String> missing = new ArrayList<>();
        boolean anyProvider = false;
        for (List<String> client : PROVIDER_CLIENTS) {
            boolean id = !isBlank(client.get(1));
            boolean secret = !isBlank(client.get(3));
            anyProvider |= id || secret;
            if (id && !secret) {
                missing.add(client.get(2) + " (" + client.get(3) + ", given " + client.get(0) + ")");
            } else if (secret && !id) {
                missing.add(client.get(0) + " (" + client.get(1) + ", given " + client.get(2) + ")");
            }
        }
        if (!anyProvider) {
            missing.add("a provider's client registration (GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET, or"
                    + " MICROSOFT_CLIENT_ID and MICROSOFT_CLIENT_SECRET, or both)");
        }
        return missing;
    }

    /** A property that is unset, blank or an unresolvable placeholder such as {@code ${DATABASE_URL}} counts as missing. */
    private boolean isBlank(String property) {
        try {
            String value = environment.getProperty(property);
            return value == null || value.isBlank();
        } catch (IllegalArgumentException unresolvable) {
            return true;
        }
    }

    private static Map<String, String> requiredSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("DATABASE_URL", "spring.datasource.url");
        settings.put("REDIS_URL", "syncline.redis.url");
        settings.put("SYNCLINE_VAULT_KEY_RING", "syncline.vault.key-ring");
        settings.put("SYNCLINE_JWT_SIGNING_KEYS", "syncline.security.jwt.signing-keys");
        return Collections.unmodifiableMap(settings);
    }
}
