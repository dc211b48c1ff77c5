package dev.syncline.api.cluster;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;

/**
 * How many segments of a processor this node may hold: its segments divided by the live nodes, rounded up.
 * Axon asks on every claim cycle; a node holding more releases the excess (the first node of a cluster
 * starts with all of them), and when a node leaves, the others' share grows and they claim what it held.
 * Until the processor's tokens exist, or while the node is alone, there is no limit.
 */
public class FairShareOfSegments implements MaxSegmentProvider {

    private final ClusterMembership membership;

    public FairShareOfSegments(ClusterMembership membership) {
        this.membership = membership;
    }

    @Override
    public int getMaxSegments(String processorName) {
        int segments = membership.segments(processorName);
        int nodes = membership.liveNodes();
        if (segments == 0 || nodes <= 1) {
            return Short.MAX_VALUE;
        }
        return (segments + nodes - 1) / nodes;
    }
}
