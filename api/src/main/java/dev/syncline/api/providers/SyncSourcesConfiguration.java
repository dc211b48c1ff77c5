package dev.syncline.api.providers;

import com.google.api.client.http.javanet.NetHttpTransport;
import dev.syncline.providers.metering.ProviderCallListener;
import java.time.Clock;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.providers.gcalendar.GoogleCalendarSettings;
import dev.syncline.providers.gmail.GmailMessageSource;
import dev.syncline.providers.gmail.GmailSettings;
import dev.syncline.providers.graph.GraphCalendarSource;
import dev.syncline.providers.graph.GraphMailboxLimiter;
import dev.syncline.providers.graph.GraphMessageSource;
import dev.syncline.providers.graph.GraphSettings;
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
    GmailMessageSource gmailMessageSource(ProviderApiProperties apis, ObjectProvider<EmulatorServer> emulator,
                                          ProviderCallListener calls) {
        return new GmailMessageSource(GmailSettings.defaults()
                .withRootUrl(emulatorOr(emulator, apis.gmail(), "/"))
                .withBodyLimit(apis.bodyLimit())
                .withUnitsPerSecond(apis.gmailUnitsPerSecond()), calls, Clock.systemUTC());
    }

    @Bean
    GoogleCalendarSource googleCalendarSource(ProviderApiProperties apis, ObjectProvider<EmulatorServer> emulator,
                                              ProviderCallListener calls) {
        return new GoogleCalendarSource(GoogleCalendarSettings.defaults()
                .withRootUrl(emulatorOr(emulator, apis.googleCalendar(), "/")), new NetHttpTransport(), calls, Clock.systemUTC());
    }

    /** One limiter for both Graph sources: a mailbox's four concurrent requests are shared by its mail and calendar. */
    @Bean
    GraphMailboxLimiter graphMailboxLimiter(GraphSettings graphSettings) {
        return new GraphMailboxLimiter(graphSettings);
    }

    @Bean
    GraphSettings graphSettings(ProviderApiProperties apis, ObjectProvider<EmulatorServer> emulator) {
        return GraphSettings.defaults().withBaseUrl(emulatorOr(emulator, apis.graph(), "/v1.0")).withBodyLimit(apis.bodyLimit());
    }

    @Bean
    GraphMessageSource graphMessageSource(GraphSettings graphSettings, GraphMailboxLimiter limiter, ProviderCallListener calls) {
        return new GraphMessageSource(graphSettings, limiter, calls);
    }

    @Bean
    GraphCalendarSource graphCalendarSource(GraphSettings graphSettings, GraphMailboxLimiter limiter, ProviderCallListener calls) {
        return new GraphCalendarSource(graphSettings, limiter, calls);
    }

    /** The emulator's base URL (plus the suffix the SDK expects) when it runs in-process, else the configured URL. */
    static String emulatorOr(ObjectProvider<EmulatorServer> emulator, String configured, String suffix) {
        EmulatorServer server = emulator.getIfAvailable();
        return server == null ? configured : server.baseUrl() + suffix;
    }
}
