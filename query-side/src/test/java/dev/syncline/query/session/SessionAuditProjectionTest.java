package dev.syncline.query.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.session.FindSessionAuditQuery;
import dev.syncline.messages.session.LoginMethod;
import dev.syncline.messages.session.RefreshTokenReuseDetectedEvent;
import dev.syncline.messages.session.SessionAuditEntryView;
import dev.syncline.messages.session.SessionEndReason;
import dev.syncline.messages.session.SessionExpiredEvent;
import dev.syncline.messages.session.SessionExpiry;
import dev.syncline.messages.session.SessionRefreshedEvent;
import dev.syncline.messages.session.SessionRevokedEvent;
import dev.syncline.messages.session.SessionStartedEvent;
import dev.syncline.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link SessionAuditProjection} and {@link SessionAuditQueryHandler} on PostgreSQL: the session lifecycle audit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionAuditProjectionTest {

    private static final String ALICE = "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01";
    private static final String BOB = "5a1c7f20-2b6f-4d1e-9b7a-61c2e4f0d3b7";
    private static final String CAROL = "7e2f9a31-3c4d-4e5f-8a6b-0c1d2e3f4a5b";
    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String OTHER_WORKSPACE = "1c2d3e4f-0000-4000-8000-000000000002";
    private static final String LAPTOP = "session-laptop";
    private static final String PHONE = "session-phone";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";
    private static final String THIEF = "python-requests/2.32";
    /** Hashes the events carry; no column may show them. */
    private static final String HASH_CANARY_0 = "CANARYHASH0-9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String HASH_CANARY_1 = "CANARYHASH1-60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    private TestDatabase database;
    private JdbcClient jdbc;
    private SessionAuditProjection projection;
    private SessionAuditQueryHandler queries;

    @BeforeAll
    void createDatabase() {
        database = TestDatabase.create("SessionAuditProjectionTest");
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        jdbc = JdbcClient.create(dataSource);
        projection = new SessionAuditProjection(dataSource);
        queries = new SessionAuditQueryHandler(dataSource);
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void emptyTable() {
        jdbc.sql("TRUNCATE session_audit").update();
    }

    @Test
    void everyStepIsRecordedWithItsKindDetailAndClient() {
        projection.on(started(LAPTOP, ALICE, WORKSPACE, LoginMethod.PASSWORD, T0), position(10));
        projection.on(new SessionRefreshedEvent(LAPTOP, ALICE, WORKSPACE, 1, HASH_CANARY_1, FIREFOX, at(1), at(1).plus(Duration.ofDays(7))),
                position(11));
        projection.on(new RefreshTokenReuseDetectedEvent(LAPTOP, ALICE, WORKSPACE, 0, 1, THIEF, at(2)), position(12));
        projection.on(new SessionRevokedEvent(LAPTOP, ALICE, WORKSPACE, SessionEndReason.REFRESH_TOKEN_REUSED, at(2)), position(13));
        projection.on(started(PHONE, ALICE, WORKSPACE, LoginMethod.GOOGLE, at(3)), position(14));
        projection.on(new SessionExpiredEvent(PHONE, ALICE, WORKSPACE, SessionExpiry.ABSOLUTE, at(4)), position(15));

        assertThat(audit(ALICE, WORKSPACE, 100)).containsExactly(
                new SessionAuditEntryView(10, "SESSION_STARTED", LAPTOP, ALICE, T0, "Signed in with a password.", FIREFOX),
                new SessionAuditEntryView(11, "SESSION_REFRESHED", LAPTOP, ALICE, at(1), "Refresh token rotated to generation 1.",
                        FIREFOX),
                new SessionAuditEntryView(12, "REFRESH_TOKEN_REUSE_DETECTED", LAPTOP, ALICE, at(2),
                        "The refresh token of generation 0 was presented again after it had been replaced (generation 1 was "
                                + "current): someone holds a copy, so the session is revoked.", THIEF),
                new SessionAuditEntryView(13, "SESSION_REVOKED", LAPTOP, ALICE, at(2),
                        "Revoked because a replaced refresh token was presented again.", null),
                new SessionAuditEntryView(14, "SESSION_STARTED", PHONE, ALICE, at(3), "Signed in with Google.", FIREFOX),
                new SessionAuditEntryView(15, "SESSION_EXPIRED", PHONE, ALICE, at(4), "Expired at the end of its absolute lifetime.",
                        null));
    }

    @Test
    void everyEndIsExplainedInWords() {
        long position = 1;
        for (SessionEndReason reason : SessionEndReason.values()) {
            projection.on(new SessionRevokedEvent(LAPTOP, ALICE, WORKSPACE, reason, T0), position(position++));
        }
        for (SessionExpiry expiry : SessionExpiry.values()) {
            projection.on(new SessionExpiredEvent(PHONE, ALICE, WORKSPACE, expiry, T0), position(position++));
        }

        assertThat(audit(ALICE, null, 100)).extracting(SessionAuditEntryView::detail).doesNotHaveDuplicates()
                .hasSize(SessionEndReason.values().length + SessionExpiry.values().length)
                .allSatisfy(detail -> assertThat(detail).isNotBlank().endsWith("."));
    }

    @Test
    void noColumnHoldsATokenHash() {
        projection.on(started(LAPTOP, ALICE, WORKSPACE, LoginMethod.MICROSOFT, T0), position(1));
        projection.on(new SessionRefreshedEvent(LAPTOP, ALICE, WORKSPACE, 1, HASH_CANARY_1, FIREFOX, at(1), at(2)), position(2));

        String everything = jdbc.sql("SELECT string_agg(session_audit::text, ' ') FROM session_audit").query(String.class).single();

        assertThat(everything).doesNotContain("CANARYHASH");
    }

    @Test
    void entriesAreOrderedByGlobalPositionNotByArrival() {
        projection.on(started(LAPTOP, ALICE, WORKSPACE, LoginMethod.PASSWORD, T0), position(1));
        projection.on(new SessionRevokedEvent(LAPTOP, ALICE, WORKSPACE, SessionEndReason.LOGOUT, at(9)), position(9));
        projection.on(started(PHONE, ALICE, WORKSPACE, LoginMethod.GOOGLE, at(5)), position(5));

        assertThat(audit(ALICE, WORKSPACE, 10)).extracting(SessionAuditEntryView::position).containsExactly(1L, 5L, 9L);
    }

    @Test
    void aReplayedOrDuplicateEventAddsNoEntry() {
        projection.on(started(LAPTOP, ALICE, WORKSPACE, LoginMethod.PASSWORD, T0), position(1));
        projection.on(new SessionRevokedEvent(LAPTOP, ALICE, WORKSPACE, SessionEndReason.LOGOUT, at(1)), position(2));
        List<SessionAuditEntryView> before = audit(ALICE, WORKSPACE, 10);

        projection.on(started(LAPTOP, ALICE, WORKSPACE, LoginMethod.PASSWORD, T0), position(1));
        projection.on(new SessionRevokedEvent(LAPTOP, ALICE, WORKSPACE, SessionEndReason.LOGOUT, at(1)),
                ReplayToken.createReplayToken(position(50), position(2)));

        assertThat(audit(ALICE, WORKSPACE, 10)).isEqualTo(before).hasSize(2);
    }

    @Test
    void theLimitKeepsTheNewestEntriesAndStillListsThemOldestFirst() {
        for (int step = 1; step <= 6; step++) {
            projection.on(started("session-" + step, ALICE, WORKSPACE, LoginMethod.PASSWORD, at(step)), position(step));
        }

        assertThat(audit(ALICE, WORKSPACE, 3)).extracting(SessionAuditEntryView::position).containsExactly(4L, 5L, 6L);
    }

    @Test
    void theAuditIsOfOneUserOfOneWorkspaceOrOfEveryone() {
        projection.on(started(LAPTOP, ALICE, WORKSPACE, LoginMethod.PASSWORD, T0), position(1));
        projection.on(started(PHONE, BOB, WORKSPACE, LoginMethod.GOOGLE, at(1)), position(2));
        projection.on(started("session-carol", CAROL, OTHER_WORKSPACE, LoginMethod.MICROSOFT, at(2)), position(3));

        assertThat(audit(ALICE, WORKSPACE, 10)).extracting(SessionAuditEntryView::position).containsExactly(1L);
        assertThat(audit(ALICE, OTHER_WORKSPACE, 10)).isEmpty();
        assertThat(audit(null, WORKSPACE, 10)).extracting(SessionAuditEntryView::position).containsExactly(1L, 2L);
        assertThat(audit(null, null, 10)).extracting(SessionAuditEntryView::userId).containsExactly(ALICE, BOB, CAROL);
    }

    @Test
    void resetEmptiesTheAudit() {
        projection.on(started(LAPTOP, ALICE, WORKSPACE, LoginMethod.PASSWORD, T0), position(1));

        projection.reset();

        assertThat(audit(null, null, 10)).isEmpty();
    }

    @Test
    void axonResolvesThePositionFromATrackedEventMessage() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        GenericDomainEventMessage<SessionStartedEvent> event = new GenericDomainEventMessage<>("UserSession", LAPTOP, 0,
                started(LAPTOP, ALICE, WORKSPACE, LoginMethod.PASSWORD, T0), MetaData.emptyInstance());

        adapter.handle(new GenericTrackedDomainEventMessage<>(position(42), event));

        assertThat(audit(ALICE, WORKSPACE, 10)).extracting(SessionAuditEntryView::position).containsExactly(42L);
    }

    private List<SessionAuditEntryView> audit(String userId, String workspaceId, int limit) {
        return queries.handle(new FindSessionAuditQuery(userId, workspaceId, limit));
    }

    private static SessionStartedEvent started(String sessionId, String userId, String workspaceId, LoginMethod method, Instant at) {
        return new SessionStartedEvent(sessionId, userId, workspaceId, method, FIREFOX, HASH_CANARY_0, at, at.plus(Duration.ofDays(7)),
                at.plus(Duration.ofDays(30)));
    }

    private static TrackingToken position(long globalIndex) {
        return new GlobalSequenceTrackingToken(globalIndex);
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
