package dev.syncline.emulator.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * How the emulated Graph throttles each mailbox, as Outlook does per app and mailbox: at most
 * {@code maxConcurrentRequests} requests executing at once, and {@code requestBudget} requests per
 * {@code budgetWindow} (a fixed window that starts with the first request after the previous one ended).
 * Off by default, so tests that do not care about throttling never meet it.
 */
public record ThrottleSettings(boolean enabled, int maxConcurrentRequests, int requestBudget, Duration budgetWindow) {

    public static final int OUTLOOK_CONCURRENT_REQUESTS = 4;
    public static final int OUTLOOK_REQUEST_BUDGET = 10_000;
    public static final Duration OUTLOOK_BUDGET_WINDOW = Duration.ofMinutes(10);

    public ThrottleSettings {
        if (maxConcurrentRequests < 1 || requestBudget < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests and requestBudget must be at least 1");
        }
        Objects.requireNonNull(budgetWindow, "budgetWindow");
        if (budgetWindow.isNegative() || budgetWindow.isZero()) {
            throw new IllegalArgumentException("budgetWindow must be positive");
        }
    }

    /** Outlook's published limits, switched off. */
    public static ThrottleSettings outlookDefaults() {
        return new ThrottleSettings(false, OUTLOOK_CONCURRENT_REQUESTS, OUTLOOK_REQUEST_BUDGET, OUTLOOK_BUDGET_WINDOW);
    }

    public ThrottleSettings withEnabled(boolean on) {
        return new ThrottleSettings(on, maxConcurrentRequests, requestBudget, budgetWindow);
    }

    public ThrottleSettings withRequestBudget(int requests, Duration window) {
        return new ThrottleSettings(enabled, maxConcurrentRequests, requests, window);
    }
}
