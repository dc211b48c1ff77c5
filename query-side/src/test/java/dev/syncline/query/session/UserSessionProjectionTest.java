package dev.syncline.query.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.session.FindActiveSessionsQuery;
import dev.syncline.messages.session.LoginMethod;
import dev.syncline.messages.session.SessionEndReason;
import dev.syncline.messages.session.SessionExpiredEvent;
import dev.syncline.messages.session.SessionExpiry;
import dev.syncline.messages.session.SessionRefreshedEvent;
import dev.syncline.messages.session.SessionRevokedEvent;
import dev.syncline.messages.session.SessionStartedEvent;
import dev.syncline.messages.session.SessionView;
import dev.syncline.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link UserSessionProjection} and {@link UserSessionQueryHandler} on PostgreSQL: the list of a user's active sessions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserSessionProjectionTest {

    private static final String ALICE = "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01";
    private static final String BOB = "5a1c7f20-2b6f-4d1e-9b7a-61c2e4f0d3b7";
    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String OTHER_WORKSPACE = "1c2d3e4f-0000-4000-8000-000000000002";
    private static final String LAPTOP = "session-laptop";
    private static final String PHONE = "session-phone";
    private static final String TABLET = "session-tablet";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";
    private static final String FIREFOX_UPDATED = "Mozilla/5.0 (X11; Linux x86_64) Firefox/141.0";
    private static final String PHONE_APP = "Syncline/2.1 (Android 15)";
    private static final Duration IDLE = Duration.ofDays(7);
    private static final Duration ABSOLUTE = Duration.ofDays(30);
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    private TestDatabase database;
    private DataSource dataSource;
    private JdbcClient jdbc;
    private UserSessionProjection projection;

    @BeforeAll
    void createDatabase() {
        database = TestDatabase.create("UserSessionProjectionTest");
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
        dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        jdbc = JdbcClient.create(dataSource);
        projection = new UserSessionProjection(dataSource);
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void emptyTable() {
        jdbc.sql("TRUNCATE user_session").update();
    }

    @Test
    void aStartedSessionIsListedWithItsClientLoginMethodAndLimits() {
        projection.on(started(LAPTOP, ALICE, LoginMethod.MICROSOFT, FIREFOX, T0), 0);

        assertThat(activeAt(T0.plusSeconds(1), ALICE)).containsExactly(new SessionView(LAPTOP, LoginMethod.MICROSOFT, FIREFOX,
                T0, T0, T0.plus(IDLE), T0.plus(ABSOLUTE)));
    }

    @Test
    void aRefreshIsAUseThatMovesTheIdleExpiryAndShowsTheClientsNewName() {
        Instant refreshedAt = T0.plus(Duration.ofDays(2));
        projection.on(started(LAPTOP, ALICE, LoginMethod.PASSWORD, FIREFOX, T0), 0);

        projection.on(refreshed(LAPTOP, ALICE, 1, FIREFOX_UPDATED, refreshedAt), 1);

        assertThat(activeAt(refreshedAt, ALICE)).singleElement().satisfies(session -> {
            assertThat(session.startedAt()).isEqualTo(T0);
            assertThat(session.lastUsedAt()).isEqualTo(refreshedAt);
            assertThat(session.idleExpiresAt()).isEqualTo(refreshedAt.plus(IDLE));
            assertThat(session.absoluteExpiresAt()).isEqualTo(T0.plus(ABSOLUTE));
            assertThat(session.userAgent()).isEqualTo(FIREFOX_UPDATED);
        });
    }

    @Test
    void aRefreshWithoutAUserAgentKeepsTheOneKnown() {
        projection.on(started(LAPTOP, ALICE, LoginMethod.PASSWORD, FIREFOX, T0), 0);

        projection.on(refreshed(LAPTOP, ALICE, 1, "", T0.plusSeconds(60)), 1);

        assertThat(activeAt(T0.plusSeconds(60), ALICE)).extracting(SessionView::userAgent).containsExactly(FIREFOX);
    }

    @Test
    void activeSessionsAreListedMostRecentlyUsedFirst() {
        projection.on(started(LAPTOP, ALICE, LoginMethod.PASSWORD, FIREFOX, T0), 0);
        projection.on(started(PHONE, ALICE, LoginMethod.GOOGLE, PHONE_APP, T0.plusSeconds(10)), 0);
        projection.on(started(TABLET, ALICE, LoginMethod.GOOGLE, PHONE_APP, T0.plusSeconds(20)), 0);
        projection.on(refreshed(LAPTOP, ALICE, 1, FIREFOX, T0.plus(Duration.ofHours(1))), 1);

        assertThat(activeAt(T0.plus(Duration.ofHours(2)), ALICE)).extracting(SessionView::sessionId)
                .containsExactly(LAPTOP, TABLET, PHONE);
    }

    @Test
    void revokedAndExpiredSessionsAreNotListed() {
        projection.on(started(LAPTOP, ALICE, LoginMethod.PASSWORD, FIREFOX, T0), 0);
        projection.on(started(PHONE, ALICE, LoginMethod.GOOGLE, PHONE_APP, T0), 0);
        projection.on(started(TABLET, ALICE, LoginMethod.GOOGLE, PHONE_APP, T0), 0);

        projection.on(new SessionRevokedEvent(LAPTOP, ALICE, WORKSPACE, SessionEndReason.LOGOUT, T0.plusSeconds(30)), 1);
        projection.on(new SessionExpiredEvent(PHONE, ALICE, WORKSPACE, SessionExpiry.IDLE, T0.plus(IDLE)), 1);

        assertThat(activeAt(T0.plusSeconds(60), ALICE)).extracting(SessionView::sessionId).containsExactly(TABLET);
        assertThat(endReasons()).containsExactly("LOGOUT", "IDLE_EXPIRY", null);
    }

    @Test
    void aSessionPastItsIdleExpiryIsNotListedBeforeItsExpiryEventArrives() {
        projection.on(started(LAPTOP, ALICE, LoginMethod.PASSWORD, FIREFOX, T0), 0);

        assertThat(activeAt(T0.plus(IDLE).minusMillis(1), ALICE)).hasSize(1);
        assertThat(activeAt(T0.plus(IDLE), ALICE)).isEmpty();
    }

    @Test
    void aSessionPastItsAbsoluteExpiryIsNotListedHoweverRecentlyItWasUsed() {
        projection.on(started(LAPTOP, ALICE, LoginMethod.PASSWORD, FIREFOX, T0), 0);
        projection.on(refreshed(LAPTOP, ALICE, 1, FIREFOX, T0.plus(ABSOLUTE).minus(Duration.ofHours(1))), 1);

        assertThat(activeAt(T0.plus(ABSOLUTE).minusSeconds(1), ALICE)).hasSize(1);
        assertThat(activeAt(T0.plus(ABSOLUTE).plusSeconds(1), ALICE)).isEmpty();
    }

    @Test
    void anotherUsersAndAnotherWorkspacesSessionsAreNotListed() {
        projection.on(started(LAPTOP, ALICE, LoginMethod.PASSWORD, FIREFOX, T0), 0);
        projection.on(started(PHONE, BOB, LoginMethod.PASSWORD, PHONE_APP, T0), 0);

        assertThat(activeAt(T0, BOB)).extracting(SessionView::sessionId).containsExactly(PHONE);
        assertThat(new UserSessionQueryHandler(dataSource, clockAt(T0)).handle(new FindActiveSessionsQuery(ALICE, OTHER_WORKSPACE)))
                .isEmpty();
    }

    @Test
    void aDuplicateOrALateEventChangesNothing() {
        Instant lastUse = T0.plus(Duration.ofDays(2));
        projection.on(started(LAPTOP, ALICE, LoginMethod.PASSWORD, FIREFOX, T0), 0);
        projection.on(refreshed(LAPTOP, ALICE, 1, FIREFOX, T0.plus(Duration.ofDays(1))), 1);
        projection.on(refreshed(LAPTOP, ALICE, 2, FIREFOX_UPDATED, lastUse), 2);
        List<SessionView> before = activeAt(lastUse, ALICE);

        projection.on(refreshed(LAPTOP, ALICE, 1, FIREFOX, T0.plus(Duration.ofDays(1))), 1);
        projection.on(refreshed(LAPTOP, ALICE, 2, FIREFOX_UPDATED, lastUse), 2);
        projection.on(started(LAPTOP, ALICE, LoginMethod.GOOGLE, PHONE_APP, T0.plusSeconds(5)), 0);

        assertThat(activeAt(lastUse, ALICE)).isEqualTo(before).singleElement()
                .satisfies(session -> assertThat(session.lastUsedAt()).isEqualTo(lastUse));
    }

    @Test
    void aRefreshDeliveredAfterTheRevocationDoesNotReviveTheSession() {
        projection.on(started(LAPTOP, ALICE, LoginMethod.PASSWORD, FIREFOX, T0), 0);
        projection.on(new SessionRevokedEvent(LAPTOP, ALICE, WORKSPACE, SessionEndReason.LOGOUT_ALL, T0.plusSeconds(90)), 2);

        projection.on(refreshed(LAPTOP, ALICE, 1, FIREFOX, T0.plusSeconds(60)), 1);

        assertThat(activeAt(T0.plusSeconds(120), ALICE)).isEmpty();
        assertThat(endReasons()).containsExactly("LOGOUT_ALL");
    }

    @Test
    void resetEmptiesTheTable() {
        projection.on(started(LAPTOP, ALICE, LoginMethod.PASSWORD, FIREFOX, T0), 0);

        projection.reset();

        assertThat(jdbc.sql("SELECT count(*) FROM user_session").query(Long.class).single()).isZero();
    }

    @Test
    void axonResolvesTheSequenceNumberFromADomainEventMessage() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        adapter.handle(tracked(0, started(LAPTOP, ALICE, LoginMethod.PASSWORD, FIREFOX, T0)));
        adapter.handle(tracked(1, refreshed(LAPTOP, ALICE, 1, FIREFOX, T0.plusSeconds(60))));

        adapter.handle(tracked(0, started(LAPTOP, ALICE, LoginMethod.GOOGLE, PHONE_APP, T0)));

        assertThat(activeAt(T0.plusSeconds(60), ALICE)).singleElement()
                .satisfies(session -> assertThat(session.lastUsedAt()).isEqualTo(T0.plusSeconds(60)));
        assertThat(jdbc.sql("SELECT last_sequence FROM user_session").query(Long.class).single()).isEqualTo(1L);
    }

    private List<SessionView> activeAt(Instant now, String userId) {
        return new UserSessionQueryHandler(dataSource, clockAt(now)).handle(new FindActiveSessionsQuery(userId, WORKSPACE));
    }

    private List<String> endReasons() {
        return jdbc.sql("SELECT end_reason FROM user_session ORDER BY session_id").query(String.class).list();
    }

    private static Clock clockAt(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    /** An event of the laptop session as a pooled processor delivers it. */
    private static GenericTrackedDomainEventMessage<Object> tracked(long sequence, Object payload) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(100 + sequence),
                new GenericDomainEventMessage<>("UserSession", LAPTOP, sequence, payload, MetaData.emptyInstance()));
    }

    private static SessionStartedEvent started(String sessionId, String userId, LoginMethod method, String userAgent, Instant at) {
        return new SessionStartedEvent(sessionId, userId, WORKSPACE, method, userAgent, "hash-never-shown", at, at.plus(IDLE),
                at.plus(ABSOLUTE));
    }

    private static SessionRefreshedEvent refreshed(String sessionId, String userId, int generation, String userAgent, Instant at) {
        return new SessionRefreshedEvent(sessionId, userId, WORKSPACE, generation, "hash-" + generation, userAgent, at,
                at.plus(IDLE));
    }
}
