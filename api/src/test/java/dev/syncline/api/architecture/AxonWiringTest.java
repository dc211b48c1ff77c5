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

    @Test
    void failingEventsGoToTheJdbcDeadLetterQueue() {
        assertThat(processing.deadLetterQueue("accounts")).get().isInstanceOf(JdbcSequencedDeadLetterQueue.class);
        assertThat(processing.deadLetterQueue("token-audit")).get().isInstanceOf(JdbcSequencedDeadLetterQueue.class);
    }
}
