package dev.syncline.providers.gmail;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link GmailMessageSource} reads Gmail.
 *
 * @param rootUrl                   the API root with a trailing slash; tests give the emulator's base URL + "/"
 * @param pageSize                  message ids per {@code messages.list} page (at most 500)
 * @param batchSize                 {@code messages.get} calls per batch (at most 100; Google advises 50)
 * @param bodyLimit                 characters of body text kept; longer bodies are cut and flagged
 * @param unitsPerSecond            quota units one mailbox may use per second; the client-side limiter
 *                                  keeps every mailbox below it (Gmail: 250 per user)
 * @param callsPerMailbox           Gmail calls in flight at once for one mailbox
 * @param connectTimeout            for opening a connection
 * @param readTimeout               for each read of an answer
 * @param defaultRetryAfter         the wait assumed when a throttled answer names none
 */
public record GmailSettings(
        String rootUrl,
        int pageSize,
        int batchSize,
        int bodyLimit,
        int unitsPerSecond,
        int callsPerMailbox,
        Duration connectTimeout,
        Duration readTimeout,
        Duration defaultRetryAfter) {

    public static final String GOOGLE_ROOT_URL = "https://gmail.googleapis.com/";
    public static final int MAX_PAGE_SIZE = 500;
    public static final int MAX_BATCH_SIZE = 100;
    /** The dearest single call, {@code messages.get}; a budget below it could never pay for one. */
    static final int GET_COST = 5;

    public GmailSettings {
        Objects.requireNonNull(rootUrl, "rootUrl");
        if (!rootUrl.endsWith("/")) {
            throw new IllegalArgumentException("rootUrl must end with '/': the Gmail SDK appends 'gmail/v1/…' to it");
        }
        requireBetween("pageSize", pageSize, 1, MAX_PAGE_SIZE);
        requireBetween("batchSize", batchSize, 1, MAX_BATCH_SIZE);
        requireBetween("bodyLimit", bodyLimit, 1, Integer.MAX_VALUE);
        requireBetween("unitsPerSecond", unitsPerSecond, GET_COST, Integer.MAX_VALUE);
        requireBetween("callsPerMailbox", callsPerMailbox, 1, 100);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("defaultRetryAfter", defaultRetryAfter);
    }

    /** Google's host, 500 ids a page, batches of 50, 20,000 body characters, 250 units/s, one call at a time. */
    public static GmailSettings defaults() {
        return new GmailSettings(GOOGLE_ROOT_URL, MAX_PAGE_SIZE, 50, 20_000, 250, 1, Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    public GmailSettings withRootUrl(String url) {
        return new GmailSettings(url, pageSize, batchSize, bodyLimit, unitsPerSecond, callsPerMailbox, connectTimeout,
                readTimeout, defaultRetryAfter);
    }

    public GmailSettings withPageSize(int size) {
        return new GmailSettings(rootUrl, size, batchSize, bodyLimit, unitsPerSecond, callsPerMailbox, connectTimeout,
                readTimeout, defaultRetryAfter);
    }

    public GmailSettings withBatchSize(int size) {
        return new GmailSettings(rootUrl, pageSize, size, bodyLimit, unitsPerSecond, callsPerMailbox, connectTimeout,
                readTimeout, defaultRetryAfter);
    }

    public GmailSettings withBodyLimit(int characters) {
        return new GmailSettings(rootUrl, pageSize, batchSize, characters, unitsPerSecond, callsPerMailbox, connectTimeout,
                readTimeout, defaultRetryAfter);
    }

    public GmailSettings withUnitsPerSecond(int units) {
        return new GmailSettings(rootUrl, pageSize, batchSize, bodyLimit, units, callsPerMailbox, connectTimeout,
                readTimeout, defaultRetryAfter);
    }

    /**
     * Batch size as actually used: one batch must fit the per-second budget, or the limiter could never
     * let it through (a batch of 100 gets costs 500 units, twice Gmail's per-user quota).
     */
    int effectiveBatchSize() {
        return Math.max(1, Math.min(batchSize, unitsPerSecond / GET_COST));
    }

    private static void requireBetween(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
