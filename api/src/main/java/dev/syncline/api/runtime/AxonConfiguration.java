package dev.syncline.api.runtime;

import dev.syncline.api.cluster.UniqueViolationResolver;
import dev.syncline.query.sequencing.AccountSequencingPolicy;
import dev.syncline.sagas.schedule.SyncScheduleProjection;
import java.time.Clock;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon wiring that the starter leaves to us. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Who did it and why travel from each command to the events it causes, for the audit trail. */
    @Bean
    CorrelationDataProvider actorAndCauseProvider() {
        return new SimpleCorrelationDataProvider("actor", "cause");
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * The JDBC storage engine, as Axon's JDBC auto-configuration builds it; declared here because that
     * configuration steps back when the application declares its own event store (below).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new UniqueViolationResolver())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /**
     * Axon's embedded event store, with a small cache of recent events for the processors that tail it. The
     * default cache holds 10,000 events, and a page event carries a page of sealed mail: kept in memory that
     * many, they grew the heap with the size of the mailbox (about 300 MiB after a 100,000-message sync).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${syncline.event-store.cached-events:16}") int cachedEvents) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents)
                .build();
    }

    /**
     * The sync schedule takes a pause from a channel's events and a reconnect from the account's: handled in
     * different segments, a late pause would undo the reconnect and the sync would never resume. One
     * sequence per account keeps them in store order.
     */
    @Bean
    ConfigurerModule syncScheduleSequencedPerAccount() {
        return configurer -> configurer.eventProcessing().registerSequencingPolicy(SyncScheduleProjection.PROCESSING_GROUP,
                configuration -> AccountSequencingPolicy.INSTANCE);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Pooled streaming processors by default for every processing group; the starter registers handler
     * interceptor beans such as {@link dev.syncline.command.token.AccountCommandLock} on the command bus.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessorsByDefault() {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors();
    }
}
