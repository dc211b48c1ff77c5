package dev.syncline.api.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this instance takes part when several instances share one database: its name in the token store, how
 * often it tells the others it is alive, how long a silent node still counts, and how often a command that
 * lost a race with another node is tried again.
 *
 * @param nodeId            owner name of this node's segment claims; unique per running instance
 * @param heartbeatInterval time between two heartbeats of this node
 * @param nodeTimeout       a node silent for longer counts as gone; also the token claim timeout, so its
 *                          segments become free at the moment it stops counting
 * @param commandRetry      retries of a command whose events collided with another node's
 */
@ConfigurationProperties("syncline.cluster")
public record ClusterProperties(String nodeId, Duration heartbeatInterval, Duration nodeTimeout, CommandRetry commandRetry) {

    /**
     * @param attempts retries after the first try (0: none)
     * @param interval pause before the first retry; each later retry waits twice as long as the one before
     */
    public record CommandRetry(int attempts, Duration interval) {
    }
}
