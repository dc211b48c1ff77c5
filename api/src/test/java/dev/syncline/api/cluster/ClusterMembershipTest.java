package dev.syncline.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.testing.TestDatabase;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Nodes on one database see each other through their heartbeats, and each may hold its fair share of a
 * processor's segments: all of them alone, half of them with a second node, all again once the other left
 * or fell silent.
 */
class ClusterMembershipTest {

    private static final String PROCESSOR = "synced-messages";
    private static final int SEGMENTS = 16;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TestDatabase database;
    private JdbcClient jdbc;

    @BeforeEach
    void createDatabaseWithSixteenSegments() {
        database = TestDatabase.create("cluster-membership");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        for (int segment = 0; segment < SEGMENTS; segment++) {
            jdbc.sql("INSERT INTO tokenentry (processorname, segment) VALUES (:processor, :segment)")
                    .param("processor", PROCESSOR).param("segment", segment).update();
        }
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Test
    void aNodeAloneMayHoldEverySegment() {
        ClusterMembership alone = node("a");
        alone.beat();

        assertThat(alone.liveNodes()).isEqualTo(1);
        assertThat(new FairShareOfSegments(alone).getMaxSegments(PROCESSOR)).isGreaterThanOrEqualTo(SEGMENTS);
    }

    @Test
    void twoNodesMayHoldHalfOfTheSegmentsEachAndThreeARoundedUpThird() {
        ClusterMembership first = node("a");
        ClusterMembership second = node("b");
        second.beat();
        first.beat();

        assertThat(first.liveNodes()).isEqualTo(2);
        assertThat(new FairShareOfSegments(first).getMaxSegments(PROCESSOR)).isEqualTo(8);

        node("c").beat();
        first.beat();
        assertThat(new FairShareOfSegments(first).getMaxSegments(PROCESSOR)).isEqualTo(6);
    }

    @Test
    void aNodeThatLeftOrFellSilentNoLongerCounts() {
        ClusterMembership first = node("a");
        ClusterMembership leaving = node("b");
        ClusterMembership silent = node("c");
        leaving.start();
        silent.beat();
        first.beat();
        assertThat(first.liveNodes()).isEqualTo(3);

        leaving.stop();
        jdbc.sql("UPDATE cluster_node SET heartbeat_at = now() - interval '11 seconds' WHERE node_id = 'c'").update();
        first.beat();

        assertThat(first.liveNodes()).isEqualTo(1);
        assertThat(new FairShareOfSegments(first).getMaxSegments(PROCESSOR)).isGreaterThanOrEqualTo(SEGMENTS);
    }

    @Test
    void aNodeSilentForAHundredTimeoutsIsForgotten() {
        ClusterMembership first = node("a");
        node("b").beat();
        node("c").beat();
        jdbc.sql("UPDATE cluster_node SET heartbeat_at = now() - interval '1001 seconds' WHERE node_id = 'b'").update();
        jdbc.sql("UPDATE cluster_node SET heartbeat_at = now() - interval '999 seconds' WHERE node_id = 'c'").update();

        first.beat();

        assertThat(jdbc.sql("SELECT node_id FROM cluster_node ORDER BY node_id").query(String.class).list())
                .containsExactly("a", "c");
    }

    @Test
    void aProcessorWithoutTokensYetHasNoLimit() {
        ClusterMembership first = node("a");
        node("b").beat();
        first.beat();

        assertThat(new FairShareOfSegments(first).getMaxSegments("not-started-yet")).isGreaterThanOrEqualTo(SEGMENTS);
    }

    private ClusterMembership node(String id) {
        return new ClusterMembership(jdbc, new ClusterProperties(id, Duration.ofHours(1), TIMEOUT,
                new ClusterProperties.CommandRetry(0, Duration.ofMillis(1))));
    }
}
