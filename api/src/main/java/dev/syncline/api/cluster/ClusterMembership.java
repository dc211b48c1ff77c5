package dev.syncline.api.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This node's heartbeat in {@code cluster_node}, and what it last saw there: how many nodes are alive and how
 * many segments each event processor has. Read on every claim cycle of every processor, so it answers from
 * memory; the database is read once per heartbeat. Until the first heartbeat it sees itself alone.
 */
public class ClusterMembership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

    /** How many node timeouts a silent node's row is kept, for an operator looking at the table. */
    private static final int FORGET_AFTER_TIMEOUTS = 100;

    private final JdbcClient jdbc;
    private final ClusterProperties properties;
    private volatile int liveNodes = 1;
    private volatile Map<String, Integer> segmentsPerProcessor = Map.of();
    private ScheduledExecutorService heartbeat;

    public ClusterMembership(JdbcClient jdbc, ClusterProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The nodes that sent a heartbeat within the node timeout, this one included. */
    public int liveNodes() {
        return liveNodes;
    }

    /** The segments of {@code processorName} in the token store; 0 before its tokens exist. */
    public int segments(String processorName) {
        return segmentsPerProcessor.getOrDefault(processorName, 0);
    }

    /** Sends a heartbeat and reads the others' now, rather than waiting for the next beat. */
    public void beat() {
        jdbc.sql("""
                        INSERT INTO cluster_node (node_id, heartbeat_at) VALUES (:node, now())
                        ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()""")
                .param("node", properties.nodeId())
                .update();
        // Nodes that died without leaving (their ids are random per start) would otherwise stay in the table for ever.
        jdbc.sql("DELETE FROM cluster_node WHERE heartbeat_at < now() - make_interval(secs => :forgotten)")
                .param("forgotten", properties.nodeTimeout().toMillis() * FORGET_AFTER_TIMEOUTS / 1000.0)
                .update();
        Integer alive = jdbc.sql("SELECT count(*) FROM cluster_node WHERE heartbeat_at > now() - make_interval(secs => :timeout)")
                .param("timeout", properties.nodeTimeout().toMillis() / 1000.0)
                .query(Integer.class)
                .single();
        Map<String, Integer> segments = new HashMap<>();
        jdbc.sql("SELECT processorname, count(*) AS segments FROM tokenentry GROUP BY processorname")
                .query((row, number) -> Map.entry(row.getString("processorname"), row.getInt("segments")))
                .list()
                .forEach(entry -> segments.put(entry.getKey(), entry.getValue()));
        segmentsPerProcessor = Map.copyOf(segments);
        liveNodes = Math.max(1, alive);
    }

    private void beatLoggingFailures() {
        try {
            beat();
        } catch (RuntimeException e) {
            // The last view stays: a node that cannot reach the database cannot process events either.
            log.warn("Cluster heartbeat of node {} failed: {}", properties.nodeId(), e.toString());
        }
    }

    @Override
    public void start() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beatLoggingFailures, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** Leaves at once, so the other nodes take over this node's share without waiting for the timeout. */
    @Override
    public void stop() {
        heartbeat.shutdownNow();
        try {
            // A beat still running would otherwise write the row back after it was deleted.
            heartbeat.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeat = null;
        try {
            jdbc.sql("DELETE FROM cluster_node WHERE node_id = :node").param("node", properties.nodeId()).update();
        } catch (RuntimeException e) {
            log.warn("Node {} could not leave the cluster; the others notice after the node timeout: {}",
                    properties.nodeId(), e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeat != null;
    }

    /** Before the event processors start, after they stop: the node is a member while it processes. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
