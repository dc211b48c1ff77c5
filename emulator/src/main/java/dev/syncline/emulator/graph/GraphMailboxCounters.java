package dev.syncline.emulator.graph;

/**
 * What one mailbox's Graph traffic looked like since the last reset.
 *
 * @param requests                 API calls, each {@code $batch} step counted on its own (401s are not
 *                                 counted: they name no mailbox)
 * @param batches                  {@code $batch} envelopes received (not counted in {@code requests})
 * @param throttled                429 answers, for concurrency or for the request budget
 * @param concurrencyThrottled     of those, 429s because the mailbox already had its maximum executing
 * @param maxConcurrentRequests    the most requests ever in progress at once, counting a request that
 *                                 arrived while the maximum was executing (and was refused): a client that
 *                                 respects the limit never makes this exceed it
 * @param requestsDuringRetryAfter requests that arrived while a {@code Retry-After} the mailbox had been
 *                                 given was still running, later than {@code MailboxTraffic.RETRY_AFTER_GRACE}
 *                                 after it was given (requests already on the wire then could not know)
 */
public record GraphMailboxCounters(
        long requests,
        long batches,
        long throttled,
        long concurrencyThrottled,
        int maxConcurrentRequests,
        long requestsDuringRetryAfter) {
}
