package dev.syncline.command.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncline.messages.session.LoginMethod;
import dev.syncline.messages.session.SessionEndReason;
import dev.syncline.messages.session.SessionExpiredEvent;
import dev.syncline.messages.session.SessionExpiry;
import dev.syncline.messages.session.SessionRevokedEvent;
import dev.syncline.messages.session.SessionStartedEvent;
import dev.syncline.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link SessionRegistry} on PostgreSQL: which sessions are active, for the api's per-request and logout-all checks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRegistryTest {

    private static final String ALICE = "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01";
    private static final String BOB = "5a1c7f20-2b6f-4d1e-9b7a-61c2e4f0d3b7";
    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String LAPTOP = "session-laptop";
    private static final String PHONE = "session-phone";
    private static final String BOBS = "session-bob";
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    private TestDatabase database;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private SessionRegistry registry;

    @BeforeAll
    void createDatabase() {
        database = TestDatabase.create("SessionRegistryTest");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        registry = new SessionRegistry(jdbc);
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void emptyRegistry() {
        jdbc.sql("TRUNCATE session_registry").update();
    }

    @Test
    void aStartedSessionIsActiveAndListedForItsUser() {
        registry.on(started(LAPTOP, ALICE, T0));

        assertThat(registry.isActive(LAPTOP)).isTrue();
        assertThat(registry.activeSessionIds(ALICE)).containsExactly(LAPTOP);
    }

    @Test
    void aUsersActiveSessionsAreListedOldestFirstAndNobodyElses() {
        registry.on(started(PHONE, ALICE, T0.plus(Duration.ofHours(3))));
        registry.on(started(BOBS, BOB, T0.plus(Duration.ofHours(1))));
        registry.on(started(LAPTOP, ALICE, T0));

        assertThat(registry.activeSessionIds(ALICE)).containsExactly(LAPTOP, PHONE);
        assertThat(registry.activeSessionIds(BOB)).containsExactly(BOBS);
        assertThat(registry.activeSessionIds("user-without-sessions")).isEmpty();
    }

    @Test
    void aRevokedSessionIsNeitherActiveNorListedAndKeepsWhenItEnded() {
        registry.on(started(LAPTOP, ALICE, T0));
        registry.on(started(PHONE, ALICE, T0));

        registry.on(new SessionRevokedEvent(LAPTOP, ALICE, WORKSPACE, SessionEndReason.LOGOUT, T0.plus(Duration.ofHours(2))));

        assertThat(registry.isActive(LAPTOP)).isFalse();
        assertThat(registry.activeSessionIds(ALICE)).containsExactly(PHONE);
        assertThat(endedAt(LAPTOP)).isEqualTo(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void anExpiredSessionIsNeitherActiveNorListed() {
        registry.on(started(LAPTOP, ALICE, T0));

        registry.on(new SessionExpiredEvent(LAPTOP, ALICE, WORKSPACE, SessionExpiry.IDLE, T0.plus(Duration.ofDays(7))));

        assertThat(registry.isActive(LAPTOP)).isFalse();
        assertThat(registry.activeSessionIds(ALICE)).isEmpty();
        assertThat(endedAt(LAPTOP)).isEqualTo(T0.plus(Duration.ofDays(7)));
    }

    @Test
    void aSessionNeverStartedIsNotActive() {
        assertThat(registry.isActive("session-forged")).isFalse();
    }

    @Test
    void aSecondEndKeepsTheFirstAndADuplicateStartRevivesNothing() {
        registry.on(started(LAPTOP, ALICE, T0));
        registry.on(new SessionRevokedEvent(LAPTOP, ALICE, WORKSPACE, SessionEndReason.LOGOUT, T0.plus(Duration.ofHours(1))));

        registry.on(new SessionExpiredEvent(LAPTOP, ALICE, WORKSPACE, SessionExpiry.IDLE, T0.plus(Duration.ofDays(7))));
        registry.on(started(LAPTOP, ALICE, T0));

        assertThat(registry.isActive(LAPTOP)).isFalse();
        assertThat(endedAt(LAPTOP)).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void aStartWhoseEventsRollBackLeavesNoActiveSession() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            registry.on(started(LAPTOP, ALICE, T0));
            throw new IllegalStateException("the event store refused the append");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(registry.isActive(LAPTOP)).isFalse();
        assertThat(registry.activeSessionIds(ALICE)).isEmpty();
    }

    @Test
    void axonRoutesTheSessionEventsToTheRegistry() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(registry);

        adapter.handle(GenericEventMessage.asEventMessage(started(LAPTOP, ALICE, T0)));
        assertThat(registry.isActive(LAPTOP)).isTrue();

        adapter.handle(GenericEventMessage.asEventMessage(
                new SessionRevokedEvent(LAPTOP, ALICE, WORKSPACE, SessionEndReason.PASSWORD_CHANGED, T0.plusSeconds(5))));
        assertThat(registry.isActive(LAPTOP)).isFalse();
    }

    private Instant endedAt(String sessionId) {
        return jdbc.sql("SELECT ended_at FROM session_registry WHERE session_id = :id").param("id", sessionId)
                .query(OffsetDateTime.class).single().toInstant();
    }

    private static SessionStartedEvent started(String sessionId, String userId, Instant at) {
        return new SessionStartedEvent(sessionId, userId, WORKSPACE, LoginMethod.PASSWORD, "app/1.0", "hash-" + sessionId, at,
                at.plus(Duration.ofDays(7)), at.plus(Duration.ofDays(30)));
    }
}
