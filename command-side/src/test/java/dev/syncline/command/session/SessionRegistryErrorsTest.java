package dev.syncline.command.session;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.messages.session.LoginMethod;
import dev.syncline.messages.session.StartSessionCommand;
import dev.syncline.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The registry runs in the command's unit of work ({@link SessionRegistryErrors}): when it cannot write, the command
 * fails with it, so no session commits that logout-all would miss. The database here has no registry table at all.
 */
class SessionRegistryErrorsTest {

    private static final StartSessionCommand START = new StartSessionCommand("3b8f0d6e-5a41-4c2e-9f7d-1e6a2b9c4d01",
            "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01", "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10", LoginMethod.PASSWORD, "app/1.0",
            "a3f1c0de5b7e49d2b8c61f0e9a4d7c3b2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a70", Duration.ofDays(7), Duration.ofDays(30));

    private TestDatabase database;
    private Configuration axon;

    @BeforeEach
    void createEmptyDatabase() {
        database = TestDatabase.create("SessionRegistryErrorsTest");
    }

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
        database.drop();
    }

    @Test
    void aRegistryThatCannotWriteFailsTheCommandThatStartsTheSession() {
        axon = start(configurer -> new SessionRegistryErrors().sessionRegistryFailsWithItsEvents().configureModule(configurer));

        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(START)).isInstanceOf(BadSqlGrammarException.class);
    }

    @Test
    void withoutItAxonWouldLogTheFailureAndCommitTheSessionUnregistered() {
        axon = start(configurer -> {
        });

        assertThatCode(() -> axon.commandGateway().sendAndWait(START)).doesNotThrowAnyException();
    }

    private Configuration start(Consumer<Configurer> errorHandling) {
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()).build())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(UserSession.class)
                .registerComponent(Clock.class, c -> new SettableClock(Instant.parse("2026-04-01T08:00:00Z")));
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(SessionRegistry.PROCESSING_GROUP)
                .registerEventHandler(c -> new SessionRegistry(jdbc));
        errorHandling.accept(configurer);
        return configurer.start();
    }
}
