package dev.syncline.api.providers;

import dev.syncline.emulator.EmulatorServer;
import dev.syncline.providers.gcalendar.GoogleCalendarSettings;
import dev.syncline.providers.gcalendar.GoogleCalendarSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mail and calendar adapters, on the official SDKs, pointed at the real APIs or, when the emulator
 * runs in-process (the embedded default and tests), at the emulator.
 */
@Configuration(proxyBeanMethods = false)
public class SyncSourcesConfiguration {

    @Bean
    GoogleCalendarSource googleCalendarSource(ProviderApiProperties apis, ObjectProvider<EmulatorServer> emulator) {
        return new GoogleCalendarSource(GoogleCalendarSettings.defaults()
                .withRootUrl(emulatorOr(emulator, apis.googleCalendar(), "/")));
    }

    /** The emulator's base URL (plus the suffix the SDK expects) when it runs in-process, else the configured URL. */
    static String emulatorOr(ObjectProvider<EmulatorServer> emulator, String configured, String suffix) {
        EmulatorServer server = emulator.getIfAvailable();
        return server == null ? configured : server.baseUrl() + suffix;
    }
}
