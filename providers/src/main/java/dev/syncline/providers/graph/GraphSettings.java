package dev.syncline.providers.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Graph adapters talk to Microsoft Graph.
 *
 * @param baseUrl                         Graph's versioned root, {@code https://graph.microsoft.com/v1.0} by
 *                                        default; the emulator's {@code http://127.0.0.1:PORT/v1.0} in tests
 * @param mailPageSize                    messages per page ({@code Prefer: odata.maxpagesize}), 1 to 999
 * @param calendarPageSize                calendar items per page, 1 to 999
 * @param bodyLimit                       characters of a message body (and of an item's description) kept
 * @param maxConcurrentRequestsPerMailbox requests one mailbox may have in flight, mail and calendar together;
 *                                        Outlook allows 4
 * @param connectTimeout                  to open a connection
 * @param readTimeout                     between bytes of an answer; a whole call may take connect + read
 * @param permitWait                      how long a call waits for a free slot of its mailbox before it gives
 *                                        up with {@code ProviderThrottledException}
 */
public record GraphSettings(
        String baseUrl,
        int mailPageSize,
        int calendarPageSize,
        int bodyLimit,
        int maxConcurrentRequestsPerMailbox,
        Duration connectTimeout,
        Duration readTimeout,
        Duration permitWait) {

    public static final String GRAPH_V1 = "https://graph.microsoft.com/v1.0";
    public static final int MAX_PAGE_SIZE = 999;

    public GraphSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl must not be blank");
        }
        requireBetween("mailPageSize", mailPageSize, MAX_PAGE_SIZE);
        requireBetween("calendarPageSize", calendarPageSize, MAX_PAGE_SIZE);
        requireBetween("bodyLimit", bodyLimit, Integer.MAX_VALUE);
        requireBetween("maxConcurrentRequestsPerMailbox", maxConcurrentRequestsPerMailbox, Integer.MAX_VALUE);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("permitWait", permitWait);
    }

    /** Graph itself, pages of 100, bodies up to 20,000 characters, 4 requests per mailbox. */
    public static GraphSettings defaults() {
        return new GraphSettings(GRAPH_V1, 100, 100, 20_000, 4, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(30));
    }

    public GraphSettings withBaseUrl(String url) {
        return new GraphSettings(url, mailPageSize, calendarPageSize, bodyLimit, maxConcurrentRequestsPerMailbox,
                connectTimeout, readTimeout, permitWait);
    }

    public GraphSettings withMailPageSize(int size) {
        return new GraphSettings(baseUrl, size, calendarPageSize, bodyLimit, maxConcurrentRequestsPerMailbox,
                connectTimeout, readTimeout, permitWait);
    }

    public GraphSettings withCalendarPageSize(int size) {
        return new GraphSettings(baseUrl, mailPageSize, size, bodyLimit, maxConcurrentRequestsPerMailbox,
                connectTimeout, readTimeout, permitWait);
    }

    public GraphSettings withBodyLimit(int characters) {
        return new GraphSettings(baseUrl, mailPageSize, calendarPageSize, characters, maxConcurrentRequestsPerMailbox,
                connectTimeout, readTimeout, permitWait);
    }

    public GraphSettings withMaxConcurrentRequestsPerMailbox(int requests) {
        return new GraphSettings(baseUrl, mailPageSize, calendarPageSize, bodyLimit, requests, connectTimeout,
                readTimeout, permitWait);
    }

    public GraphSettings withTimeouts(Duration connect, Duration read) {
        return new GraphSettings(baseUrl, mailPageSize, calendarPageSize, bodyLimit, maxConcurrentRequestsPerMailbox,
                connect, read, permitWait);
    }

    public GraphSettings withPermitWait(Duration wait) {
        return new GraphSettings(baseUrl, mailPageSize, calendarPageSize, bodyLimit, maxConcurrentRequestsPerMailbox,
                connectTimeout, readTimeout, wait);
    }

    private static void requireBetween(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be between 1 and " + max + ", was " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
