package dev.syncline.api.cluster;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What lets several instances share one PostgreSQL event store without Axon Server: every node claims a fair
 * share of each pooled processor's segments under a name of its own, a dead node's claims expire after the
 * node timeout, and a command that lost a race with another node on the same aggregate is tried again.
 * Commands stay on the local command bus: the account's advisory lock and the aggregates' optimistic
 * locking keep them consistent wherever they run.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

    @Bean
    ClusterMembership clusterMembership(JdbcClient jdbc, ClusterProperties properties) {
        return new ClusterMembership(jdbc, properties);
    }

    /**
     * Axon's JDBC token store, as its auto-configuration builds it, but owned by this node's id: the default
     * owner is the JVM's name, which two instances in one JVM (or two containers with the same host name and
     * pid) would share, and a shared owner lets both process the same segment.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, ClusterProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .nodeId(properties.nodeId())
                .claimTimeout(properties.nodeTimeout())
                .build();
    }

    /**
     * Applies before each processor's own settings from {@code axon.eventhandling.processors}, which leave these
     * alone. An idle node extends its claims three times per node timeout: Axon's default (every 5 s) would let
     * them lapse under a shorter timeout, and another node would take segments from a live one.
     */
    @Bean
    ConfigurerModule fairShareOfSegmentsPerNode(ClusterMembership membership, ClusterProperties properties) {
        FairShareOfSegments fairShare = new FairShareOfSegments(membership);
        long claimExtension = properties.nodeTimeout().toMillis() / 3;
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.maxSegmentProvider(fairShare).claimExtensionThreshold(claimExtension));
    }

    @Bean
    ConcurrencyConflictRetryScheduler concurrencyConflictRetry(ClusterProperties properties) {
        return new ConcurrencyConflictRetryScheduler(properties.commandRetry());
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConcurrencyConflictRetryScheduler concurrencyConflictRetry) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(concurrencyConflictRetry)
                .build();
    }
}
