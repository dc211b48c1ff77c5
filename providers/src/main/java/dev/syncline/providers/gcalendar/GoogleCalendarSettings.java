package dev.syncline.providers.gcalendar;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link GoogleCalendarSource} talks to the Calendar API.
 *
 * @param rootUrl           where the API lives, ending in a slash; {@code https://www.googleapis.com/} in
 *                          production, the emulator's base URL plus {@code /} in tests
 * @param pageSize          {@code maxResults} per {@code events.list} page, 1 to 2,500 (Google's cap)
 * @param requestsPerMinute the client-side budget per mailbox; the default 500 stays safely under
 *                          Google's 600 per user and minute, bursts included
 * @param connectTimeout    how long to wait for a connection
 * @param readTimeout       how long to wait for an answer once connected
 * @param maxLimiterWait    the longest a call waits for the client-side budget before it gives up with
 *                          a throttled failure instead of holding its thread
 */
public record GoogleCalendarSettings(
        String rootUrl,
        int pageSize,
        int requestsPerMinute,
        Duration connectTimeout,
        Duration readTimeout,
        Duration maxLimiterWait) {

    public static final String DEFAULT_ROOT_URL = "https://www.googleapis.com/";
    public static final int DEFAULT_PAGE_SIZE = 250;
    public static final int MAX_PAGE_SIZE = 2_500;
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 500;

    public GoogleCalendarSettings {
        Objects.requireNonNull(rootUrl, "rootUrl");
        if (rootUrl.isBlank()) {
            throw new IllegalArgumentException("rootUrl must not be blank");
        }
        // The SDK joins root URL and service path without a separator of its own.
        rootUrl = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be at least 1");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        Objects.requireNonNull(maxLimiterWait, "maxLimiterWait");
        if (maxLimiterWait.isNegative()) {
            throw new IllegalArgumentException("maxLimiterWait must not be negative");
        }
    }

    /**
     * Google's production endpoint, 250 items a page, 500 requests a minute, 10 s to connect, 30 s to
     * read, at most 5 s of waiting for the client-side budget.
     */
    public static GoogleCalendarSettings defaults() {
        return new GoogleCalendarSettings(DEFAULT_ROOT_URL, DEFAULT_PAGE_SIZE, DEFAULT_REQUESTS_PER_MINUTE,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    public GoogleCalendarSettings withRootUrl(String url) {
        return new GoogleCalendarSettings(url, pageSize, requestsPerMinute, connectTimeout, readTimeout, maxLimiterWait);
    }

    public GoogleCalendarSettings withPageSize(int size) {
        return new GoogleCalendarSettings(rootUrl, size, requestsPerMinute, connectTimeout, readTimeout, maxLimiterWait);
    }

    public GoogleCalendarSettings withRequestsPerMinute(int budget) {
        return new GoogleCalendarSettings(rootUrl, pageSize, budget, connectTimeout, readTimeout, maxLimiterWait);
    }

    public GoogleCalendarSettings withTimeouts(Duration connect, Duration read) {
        return new GoogleCalendarSettings(rootUrl, pageSize, requestsPerMinute, connect, read, maxLimiterWait);
    }

    public GoogleCalendarSettings withMaxLimiterWait(Duration wait) {
        return new GoogleCalendarSettings(rootUrl, pageSize, requestsPerMinute, connectTimeout, readTimeout, wait);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
