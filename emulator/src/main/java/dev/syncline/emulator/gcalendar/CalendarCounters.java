package dev.syncline.emulator.gcalendar;

/**
 * What one user's calls to the emulated Calendar API looked like since the last counter reset.
 *
 * @param requests                 authenticated requests received, refused ones included
 * @param throttled                requests refused for quota (429, or 403 {@code rateLimitExceeded})
 * @param maxConcurrent            the most requests of this user in progress at the same moment
 * @param requestsDuringRetryAfter requests that arrived while a {@code Retry-After} this user had been
 *                                 given was still running: a well-behaved client keeps this at zero
 */
public record CalendarCounters(long requests, long throttled, int maxConcurrent, long requestsDuringRetryAfter) {
}
