package dev.syncline.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.testing.ApiIntegrationTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import java.util.List;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Axon runs on PostgreSQL through JDBC inside Spring transactions, with Jackson: the parts that would
 * silently fall back to in-memory or no-transaction variants if the auto-configuration order broke.
 */
class AxonWiringTest extends ApiIntegrationTest {

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    SagaStore<?> sagaStore;

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void eventsTokensAndSagasLiveInPostgresInsideSpringTransactions() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(sagaStore).isInstanceOf(JdbcSagaStore.class);
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void eventsAreSerializedWithJackson() {
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
    }

    @Autowired
    DeadlineManager deadlineManager;

    @Test
    void failingEventsGoToTheJdbcDeadLetterQueue() {
        for (String group : List.of("accounts", "token-audit", "token-refresh-schedule", "sync-status", "synced-messages",
                "calendar-events", "sync-schedule", "sync-channel-reset", "user-sessions", "session-audit")) {
            assertThat(processing.deadLetterQueue(group)).as(group).get().isInstanceOf(JdbcSequencedDeadLetterQueue.class);
        }
    }

    @Test
    void theSessionRegistryIsWrittenInTheTransactionOfTheSessionEvents() {
        assertThat(processing.eventProcessor("session-registry")).get().isInstanceOf(SubscribingEventProcessor.class);
    }

    @Test
    void sagaDeadlinesArePersistentInPostgres() {
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
    }
}
