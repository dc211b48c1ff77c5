package dev.syncline.api.providers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the mail and calendar APIs live ({@code syncline.provider-apis.*}): the real hosts by default;
 * ignored while the emulator runs in-process, which then serves them all. {@code gmailUnitsPerSecond} is the
 * per-mailbox pace the Gmail adapter keeps, Google's published per-user quota by default.
 */
@ConfigurationProperties("syncline.provider-apis")
public record ProviderApiProperties(String gmail, String googleCalendar, String graph, int bodyLimit, int gmailUnitsPerSecond) {

    public ProviderApiProperties {
        gmail = gmail == null || gmail.isBlank() ? "https://gmail.googleapis.com/" : gmail;
        googleCalendar = googleCalendar == null || googleCalendar.isBlank() ? "https://www.googleapis.com/" : googleCalendar;
        graph = graph == null || graph.isBlank() ? "https://graph.microsoft.com/v1.0" : graph;
        bodyLimit = bodyLimit < 1 ? 20_000 : bodyLimit;
        gmailUnitsPerSecond = gmailUnitsPerSecond < 1 ? 250 : gmailUnitsPerSecond;
    }
}
