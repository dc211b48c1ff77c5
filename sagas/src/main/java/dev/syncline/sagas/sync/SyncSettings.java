package dev.syncline.sagas.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How syncs are run and scheduled.
 *
 * @param interval             the time between the end of one sync of a channel and the start of its next
 * @param schedulePollInterval how often the schedule looks for channels that are due
 * @param pageTimeout          how long a page fetch may take before the saga assumes it was lost (the node
 *                             that ran it stopped) and asks for it again
 * @param workerThreads        threads that fetch pages from the providers, shared by all mailboxes; the
 *                             per-mailbox limits live in the provider adapters
 */
@ConfigurationProperties("syncline.sync")
public record SyncSettings(Duration interval, Duration schedulePollInterval, Duration pageTimeout, int workerThreads) {

    public SyncSettings {
        interval = interval == null ? Duration.ofMinutes(5) : interval;
        schedulePollInterval = schedulePollInterval == null ? Duration.ofSeconds(5) : schedulePollInterval;
        pageTimeout = pageTimeout == null ? Duration.ofMinutes(3) : pageTimeout;
        workerThreads = workerThreads < 1 ? 8 : workerThreads;
    }
}
