package dev.syncline.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.AccessTokenRefreshFailedEvent;
import dev.syncline.messages.account.AccessTokenRefreshedEvent;
import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.account.AccountStatus;
import dev.syncline.messages.account.AuditEntryView;
import dev.syncline.messages.account.FindAccountAuditQuery;
import dev.syncline.messages.account.GrantRevokedEvent;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.account.RefreshTrigger;
import dev.syncline.messages.account.RevocationOutcome;
import dev.syncline.messages.account.TokensIssuedEvent;
import dev.syncline.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
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

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAuditProjectionTest {

    private static final String ACCOUNT = "acc-google-alice";
    private static final String WORKSPACE = "ws-1";
    private static final String OWNER = "user-alice";
    private static final String ALICE = "user:3f1c2a9e-0000-4000-8000-000000000001";
    private static final String SYSTEM = "system";
    private static final Set<String> SCOPES = Set.of("openid", "https://mail.google.com/");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TestDatabase database;
    private JdbcClient jdbc;
    private AccountAuditProjection projection;
    private AccountAuditQueryHandler queries;

    @BeforeAll
    void createDatabase() {
        database = TestDatabase.create("AccountAuditProjectionTest");
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        jdbc = JdbcClient.create(dataSource);
        projection = new AccountAuditProjection(dataSource);
        queries = new AccountAuditQueryHandler(dataSource);
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void emptyTables() {
        jdbc.sql("TRUNCATE account_audit, account_audit_owner").update();
    }

    @Test
    void theTimelineListsEveryStepOldestFirstWithActorCauseSummaryAndDetails() {
        projection.on(connected(), "e1", position(10), T0, ALICE, "oauth-callback");
        projection.on(new TokensIssuedEvent(ACCOUNT, "fp-a1", "fp-r1", at(60), SCOPES), "e2", position(11), T0, ALICE, "oauth-callback");
        projection.on(new AccessTokenRefreshedEvent(ACCOUNT, "fp-a2", at(115), true, "fp-r2", SCOPES, RefreshTrigger.SCHEDULE),
                "e3", position(20), at(55), SYSTEM, "schedule");
        projection.on(refusal(), "e4", position(30), at(110), SYSTEM, "provider-error");
        projection.on(new ReauthorizationRequiredEvent(ACCOUNT, "invalid_grant"), "e5", position(31), at(110), SYSTEM, "provider-error");
        projection.on(new AccountReconnectedEvent(ACCOUNT, "alice@example.com", SCOPES, AccountStatus.REAUTHORIZATION_REQUIRED),
                "e6", position(40), at(200), ALICE, "oauth-callback");
        projection.on(new GrantRevokedEvent(ACCOUNT, RevocationOutcome.REVOKED, null), "e7", position(50), at(300), ALICE, "user-request");
        projection.on(new AccountDisconnectedEvent(ACCOUNT, WORKSPACE), "e8", position(51), at(300), ALICE, "user-request");

        List<AuditEntryView> timeline = timeline(OWNER);

        assertThat(timeline).extracting(AuditEntryView::type).containsExactly(
                "ACCOUNT_CONNECTED", "TOKENS_ISSUED", "ACCESS_TOKEN_REFRESHED", "ACCESS_TOKEN_REFRESH_FAILED",
                "REAUTHORIZATION_REQUIRED", "ACCOUNT_RECONNECTED", "GRANT_REVOKED", "ACCOUNT_DISCONNECTED");
        assertThat(timeline).extracting(AuditEntryView::position).containsExactly(10L, 11L, 20L, 30L, 31L, 40L, 50L, 51L);
        assertThat(timeline).extracting(AuditEntryView::actor)
                .containsExactly(ALICE, ALICE, SYSTEM, SYSTEM, SYSTEM, ALICE, ALICE, ALICE);
        assertThat(timeline).extracting(AuditEntryView::cause).containsExactly("oauth-callback", "oauth-callback", "schedule",
                "provider-error", "provider-error", "oauth-callback", "user-request", "user-request");
        assertThat(timeline).allSatisfy(entry -> assertThat(entry.summary()).isNotBlank().endsWith("."));

        AuditEntryView connected = timeline.get(0);
        assertThat(connected.occurredAt()).isEqualTo(T0);
        assertThat(connected.summary()).isEqualTo("Connected the Google account alice@example.com.");
        assertThat(connected.details()).containsEntry("provider", "GOOGLE")
                .containsEntry("scopes", List.of("https://mail.google.com/", "openid"));

        AuditEntryView refreshed = timeline.get(2);
        assertThat(refreshed.summary()).isEqualTo(
                "Refreshed the access token; it expires at 2026-03-01 11:55:00 UTC and the provider rotated the refresh token.");
        assertThat(refreshed.details())
                .containsEntry("accessTokenFingerprint", "fp-a2")
                .containsEntry("accessTokenExpiresAt", "2026-03-01T11:55:00Z")
                .containsEntry("rotated", true)
                .containsEntry("refreshTokenFingerprint", "fp-r2")
                .containsEntry("trigger", "SCHEDULE");

        assertThat(timeline.get(6).details()).containsEntry("outcome", "REVOKED");
    }

    @Test
    void theTimelineIsOrderedByGlobalPositionNotByArrival() {
        projection.on(connected(), "e1", position(1), T0, ALICE, "oauth-callback");
        projection.on(new ReauthorizationRequiredEvent(ACCOUNT, "x"), "e3", position(9), at(2), SYSTEM, null);
        projection.on(refusal(), "e2", position(5), at(1), SYSTEM, null);

        assertThat(timeline(OWNER)).extracting(AuditEntryView::position).containsExactly(1L, 5L, 9L);
    }

    @Test
    void theDetailsOfAFailureCarryTheErrorCodeAndDescription() {
        projection.on(connected(), "e1", position(1), T0, ALICE, "oauth-callback");
        projection.on(refusal(), "e2", position(2), at(110), SYSTEM, "provider-error");
        projection.on(new AccessTokenRefreshFailedEvent(ACCOUNT, "http_503", "Service Unavailable", false, 2, at(112),
                RefreshTrigger.SCHEDULE), "e3", position(3), at(111), SYSTEM, null);

        List<AuditEntryView> timeline = timeline(OWNER);

        AuditEntryView permanent = timeline.get(1);
        assertThat(permanent.details())
                .containsEntry("error", "invalid_grant")
                .containsEntry("description", "Token has been expired or revoked.")
                .containsEntry("permanent", true)
                .containsEntry("attempt", 1);
        assertThat(permanent.summary())
                .isEqualTo("The provider refused the grant for good (invalid_grant): Token has been expired or revoked.");

        AuditEntryView transientFailure = timeline.get(2);
        assertThat(transientFailure.details())
                .containsEntry("error", "http_503")
                .containsEntry("description", "Service Unavailable")
                .containsEntry("permanent", false)
                .containsEntry("attempt", 2)
                .containsEntry("nextAttemptAt", "2026-03-01T11:52:00Z");
        assertThat(transientFailure.summary()).isEqualTo("Refresh attempt 2 failed (http_503); next attempt at 2026-03-01 11:52:00 UTC.");
        assertThat(transientFailure.cause()).as("falls back to the refresh trigger").isEqualTo("schedule");
    }

    @Test
    void noDetailIsNamedLikeATokenValue() {
        projection.on(connected(), "e1", position(1), T0, ALICE, "oauth-callback");
        projection.on(new TokensIssuedEvent(ACCOUNT, "fp-a1", "fp-r1", at(60), SCOPES), "e2", position(2), T0, ALICE, "oauth-callback");
        projection.on(new AccessTokenRefreshedEvent(ACCOUNT, "fp-a2", at(115), true, "fp-r2", SCOPES, RefreshTrigger.EXPIRING),
                "e3", position(3), at(55), SYSTEM, null);

        List<String> keys = timeline(OWNER).stream().flatMap(entry -> entry.details().keySet().stream()).toList();

        assertThat(keys).isNotEmpty().noneMatch(key -> key.matches("(?i).*token") || key.matches("(?i).*secret.*"));
        assertThat(keys).contains("accessTokenFingerprint", "refreshTokenFingerprint");
    }

    @Test
    void aMissingActorIsRecordedAsTheSystem() {
        projection.on(connected(), "e1", position(1), T0, null, null);

        assertThat(timeline(OWNER)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(SYSTEM);
            assertThat(entry.cause()).isNull();
        });
    }

    @Test
    void aDuplicateEventAddsNoEntry() {
        projection.on(connected(), "e1", position(1), T0, ALICE, "oauth-callback");
        projection.on(refusal(), "e2", position(2), at(1), SYSTEM, "provider-error");
        List<AuditEntryView> before = timeline(OWNER);

        projection.on(refusal(), "e2", position(2), at(1), SYSTEM, "provider-error");
        projection.on(connected(), "e1", position(1), T0, ALICE, "oauth-callback");

        assertThat(timeline(OWNER)).isEqualTo(before).hasSize(2);
    }

    @Test
    void anotherOwnersTimelineIsEmpty() {
        projection.on(connected(), "e1", position(1), T0, ALICE, "oauth-callback");

        assertThat(timeline("user-bob")).isEmpty();
        assertThat(queries.handle(new FindAccountAuditQuery(ACCOUNT, "ws-other", OWNER))).isEmpty();
        assertThat(queries.handle(new FindAccountAuditQuery("acc-unknown", WORKSPACE, OWNER))).isEmpty();
    }

    @Test
    void resetClearsTheTimelineAndItsOwners() {
        projection.on(connected(), "e1", position(1), T0, ALICE, "oauth-callback");

        projection.reset();

        assertThat(timeline(OWNER)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM account_audit_owner").query(Long.class).single()).isZero();
    }

    @Test
    void axonResolvesTheHandlerParametersFromATrackedEventMessage() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        GenericDomainEventMessage<AccountConnectedEvent> event = new GenericDomainEventMessage<>("ConnectedAccount", ACCOUNT, 0,
                connected(), MetaData.with("actor", ALICE).and("cause", "oauth-callback"), "evt-connected", at(1));

        adapter.handle(new GenericTrackedDomainEventMessage<>(position(42), event));

        assertThat(timeline(OWNER)).singleElement().satisfies(entry -> {
            assertThat(entry.position()).isEqualTo(42L);
            assertThat(entry.actor()).isEqualTo(ALICE);
            assertThat(entry.cause()).isEqualTo("oauth-callback");
            assertThat(entry.occurredAt()).isEqualTo(at(1));
        });
        assertThat(jdbc.sql("SELECT event_id FROM account_audit").query(String.class).single()).isEqualTo("evt-connected");
    }

    private List<AuditEntryView> timeline(String ownerId) {
        return queries.handle(new FindAccountAuditQuery(ACCOUNT, WORKSPACE, ownerId));
    }

    private static AccountConnectedEvent connected() {
        return new AccountConnectedEvent(ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, "google-sub-1", "alice@example.com", SCOPES);
    }

    private static AccessTokenRefreshFailedEvent refusal() {
        return new AccessTokenRefreshFailedEvent(ACCOUNT, "invalid_grant", "Token has been expired or revoked.", true, 1, null,
                RefreshTrigger.SCHEDULE);
    }

    private static TrackingToken position(long globalIndex) {
        return new GlobalSequenceTrackingToken(globalIndex);
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
