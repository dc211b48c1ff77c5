package dev.syncline.emulator.gcalendar;

/** How the emulated Calendar API refuses a request over quota; Google answers both ways. */
public enum ThrottleAnswer {
    /** 429 {@code rateLimitExceeded} with a {@code Retry-After} header in seconds. */
    TOO_MANY_REQUESTS,
    /** 403 {@code rateLimitExceeded} without a {@code Retry-After}: the client chooses its own wait. */
    RATE_LIMIT_EXCEEDED
}
