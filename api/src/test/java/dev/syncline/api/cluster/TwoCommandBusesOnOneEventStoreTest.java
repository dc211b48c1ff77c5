package dev.syncline.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.syncline.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes, each with its own local command bus and repository, on one PostgreSQL event store: both load an
 * aggregate at the same version and append its next event. The store's (aggregate, sequence) key lets one
 * win; the loser's failure is a {@link ConcurrencyException}, and the gateway's retry loads the winner's
 * event and succeeds. The event store is built as {@code AxonConfiguration} builds it, with the same
 * {@link UniqueViolationResolver}.
 */
class TwoCommandBusesOnOneEventStoreTest {

    private static final String COUNTER = "counter-1";

    /** Both nodes' first tries wait here until each has loaded the aggregate, so they collide for certain. */
    static CyclicBarrier bothLoaded;
    static final AtomicInteger handled = new AtomicInteger();

    private TestDatabase database;
    private DataSource dataSource;
    private Node nodeA;
    private Node nodeB;
    private ConcurrencyConflictRetryScheduler retry;

    @BeforeEach
    void createEventStore() {
        database = TestDatabase.create("two-command-buses");
        dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        bothLoaded = null;
        handled.set(0);
        retry = new ConcurrencyConflictRetryScheduler(new ClusterProperties.CommandRetry(3, Duration.ofMillis(10)));
    }

    @AfterEach
    void dropEventStore() {
        List.of(nodeA, nodeB).forEach(Node::stop);
        retry.close();
        database.drop();
    }

    @Test
    void theNodeThatLostTheRaceForTheNextSequenceNumberRetriesAndBothCommandsSucceed() {
        nodeA = new Node(dataSource, retry);
        nodeB = new Node(dataSource, retry);
        nodeA.gateway.sendAndWait(new CreateCounter(COUNTER));

        collide(nodeA, nodeB).forEach(CompletableFuture::join);

        assertThat(handled).as("two first tries and one retry").hasValue(3);
        assertThat(sequenceNumbers()).containsExactly(0L, 1L, 2L);
    }

    @Test
    void withoutARetryTheLoserFailsWithAConcurrencyException() {
        nodeA = new Node(dataSource, (command, failure, failures, dispatch) -> false);
        nodeB = new Node(dataSource, (command, failure, failures, dispatch) -> false);
        nodeA.gateway.sendAndWait(new CreateCounter(COUNTER));

        List<Throwable> failures = collide(nodeA, nodeB).stream()
                .map(result -> result.handle((ok, failure) -> failure instanceof CompletionException ? failure.getCause() : failure).join())
                .filter(failure -> failure != null)
                .toList();

        assertThat(failures).singleElement().isInstanceOf(ConcurrencyException.class);
        assertThat(sequenceNumbers()).containsExactly(0L, 1L);
    }

    private static List<CompletableFuture<Object>> collide(Node first, Node second) {
        bothLoaded = new CyclicBarrier(2);
        return List.of(CompletableFuture.supplyAsync(() -> first.gateway.sendAndWait(new Increment(COUNTER))),
                CompletableFuture.supplyAsync(() -> second.gateway.sendAndWait(new Increment(COUNTER))));
    }

    private List<Long> sequenceNumbers() {
        return JdbcClient.create(dataSource)
                .sql("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = :id ORDER BY sequencenumber")
                .param("id", COUNTER).query(Long.class).list();
    }

    /** One node's command side: a local bus, a repository and an event store on the shared database. */
    private static final class Node {

        final EmbeddedEventStore eventStore;
        final CommandGateway gateway;

        Node(DataSource dataSource, RetryScheduler retryScheduler) {
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(new DataSourceConnectionProvider(dataSource)))
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .persistenceExceptionResolver(new UniqueViolationResolver())
                    .snapshotSerializer(serializer)
                    .eventSerializer(serializer)
                    .build();
            eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
            SimpleCommandBus bus = SimpleCommandBus.builder().build();
            AggregateAnnotationCommandHandler.<Counter>builder()
                    .aggregateType(Counter.class)
                    .repository(EventSourcingRepository.builder(Counter.class).eventStore(eventStore).build())
                    .build()
                    .subscribe(bus);
            gateway = DefaultCommandGateway.builder().commandBus(bus).retryScheduler(retryScheduler).build();
        }

        void stop() {
            eventStore.shutDown();
        }
    }

    record CreateCounter(String id) {
    }

    record Increment(@TargetAggregateIdentifier String id) {
    }

    record CounterCreated(String id) {
    }

    record Incremented(String id) {
    }

    static class Counter {

        @AggregateIdentifier
        private String id;

        Counter() {
        }

        @CommandHandler
        Counter(CreateCounter command) {
            apply(new CounterCreated(command.id()));
        }

        @CommandHandler
        void handle(Increment command) throws Exception {
            if (handled.incrementAndGet() <= 2) {
                bothLoaded.await(10, TimeUnit.SECONDS);
            }
            apply(new Incremented(id));
        }

        @EventSourcingHandler
        void on(CounterCreated event) {
            id = event.id();
        }
    }
}
