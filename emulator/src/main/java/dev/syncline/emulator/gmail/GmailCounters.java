package dev.syncline.emulator.gmail;

/**
 * What one Gmail mailbox saw since the last reset; a batch part counts as one request, as Google
 * counts it.
 *
 * @param requests                  authenticated API calls (batch parts included)
 * @param batchRequests             batch envelopes that carried calls for this mailbox
 * @param unitsUsed                 quota units of the calls that were let through
 * @param throttledResponses        calls answered 429
 * @param peakUnitsPerSecond        the most units asked for within any one second, let through or not
 * @param maxConcurrentRequests     the most calls in progress at the same time
 * @param requestsDuringRetryAfter  calls that arrived after a 429 and before its Retry-After was over:
 *                                  a client that honours Retry-After keeps this at zero
 */
public record GmailCounters(
        long requests,
        long batchRequests,
        long unitsUsed,
        long throttledResponses,
        long peakUnitsPerSecond,
        int maxConcurrentRequests,
        long requestsDuringRetryAfter) {
}
