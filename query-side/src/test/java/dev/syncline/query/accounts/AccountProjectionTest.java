package dev.syncline.query.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.AccessTokenRefreshFailedEvent;
import dev.syncline.messages.account.AccessTokenRefreshedEvent;
import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.account.AccountStatus;
import dev.syncline.messages.account.AccountView;
import dev.syncline.messages.account.FindAccountQuery;
import dev.syncline.messages.account.FindAccountsQuery;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.account.RefreshTrigger;
import dev.syncline.messages.account.TokensIssuedEvent;
import dev.syncline.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
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

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountProjectionTest {

    private static final String ACCOUNT = "acc-google-alice";
    private static final String WORKSPACE = "ws-1";
    private static final String OWNER = "user-alice";
    private static final String OTHER_OWNER = "user-bob";
    private static final String EMAIL = "alice@example.com";
    private static final Set<String> SCOPES = Set.of("openid", "https://mail.google.com/");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TestDatabase database;
    private JdbcClient jdbc;
    private AccountProjection projection;
    private AccountQueryHandler queries;

    @BeforeAll
    void createDatabase() {
        database = TestDatabase.create("AccountProjectionTest");
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        jdbc = JdbcClient.create(dataSource);
        projection = new AccountProjection(dataSource);
        queries = new AccountQueryHandler(dataSource);
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void emptyTable() {
        jdbc.sql("TRUNCATE connected_account").update();
    }

    @Test
    void theViewFollowsTheWholeLifecycleFromConnectToDisconnect() {
        projection.on(connected(ACCOUNT, OWNER), 0, T0);
        AccountView connected = mine().orElseThrow();
        assertThat(connected.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(connected.provider()).isEqualTo(Provider.GOOGLE);
        assertThat(connected.email()).isEqualTo(EMAIL);
        assertThat(connected.scopes()).containsExactlyInAnyOrderElementsOf(SCOPES);
        assertThat(connected.connectedAt()).isEqualTo(T0);
        assertThat(connected.accessTokenExpiresAt()).isNull();

        projection.on(new TokensIssuedEvent(ACCOUNT, "fp-a1", "fp-r1", at(60), SCOPES), 1, at(0));
        assertThat(mine().orElseThrow().accessTokenExpiresAt()).isEqualTo(at(60));
        assertThat(mine().orElseThrow().lastRefreshedAt()).isEqualTo(at(0));

        projection.on(new AccessTokenRefreshedEvent(ACCOUNT, "fp-a2", at(115), false, null, SCOPES, RefreshTrigger.SCHEDULE), 2, at(55));
        AccountView refreshed = mine().orElseThrow();
        assertThat(refreshed.accessTokenExpiresAt()).isEqualTo(at(115));
        assertThat(refreshed.lastRefreshedAt()).isEqualTo(at(55));
        assertThat(refreshed.updatedAt()).isEqualTo(at(55));
        assertThat(refreshed.lastError()).isNull();

        projection.on(new AccessTokenRefreshFailedEvent(ACCOUNT, "http_503", "Service Unavailable", false, 1, at(111),
                RefreshTrigger.SCHEDULE), 3, at(110));
        AccountView failing = mine().orElseThrow();
        assertThat(failing.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(failing.lastError())
                .isEqualTo("Google token endpoint unavailable (http_503); retrying at 2026-03-01 11:51:00 UTC.");
        assertThat(failing.accessTokenExpiresAt()).isEqualTo(at(115));

        projection.on(new AccessTokenRefreshFailedEvent(ACCOUNT, "invalid_grant", "Token has been expired or revoked.", true, 2,
                null, RefreshTrigger.SCHEDULE), 4, at(111));
        projection.on(new ReauthorizationRequiredEvent(ACCOUNT, "invalid_grant"), 5, at(111));
        AccountView reauthorize = mine().orElseThrow();
        assertThat(reauthorize.status()).isEqualTo(AccountStatus.REAUTHORIZATION_REQUIRED);
        assertThat(reauthorize.lastError()).isEqualTo("Google refused the grant (invalid_grant): Token has been expired or revoked.");

        projection.on(new AccountReconnectedEvent(ACCOUNT, "alice@new.example.com", Set.of("openid"),
                AccountStatus.REAUTHORIZATION_REQUIRED), 6, at(200));
        projection.on(new TokensIssuedEvent(ACCOUNT, "fp-a3", "fp-r3", at(260), Set.of("openid")), 7, at(200));
        AccountView reconnected = mine().orElseThrow();
        assertThat(reconnected.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(reconnected.lastError()).isNull();
        assertThat(reconnected.email()).isEqualTo("alice@new.example.com");
        assertThat(reconnected.scopes()).containsExactly("openid");
        assertThat(reconnected.accessTokenExpiresAt()).isEqualTo(at(260));
        assertThat(reconnected.connectedAt()).isEqualTo(T0);

        projection.on(new AccountDisconnectedEvent(ACCOUNT, WORKSPACE), 8, at(300));
        AccountView disconnected = mine().orElseThrow();
        assertThat(disconnected.status()).isEqualTo(AccountStatus.DISCONNECTED);
        assertThat(disconnected.accessTokenExpiresAt()).isNull();
        assertThat(disconnected.updatedAt()).isEqualTo(at(300));
        assertThat(queries.handle(new FindAccountsQuery(WORKSPACE, OWNER))).containsExactly(disconnected);
    }

    @Test
    void aTransientFailureOfAMicrosoftAccountNamesTheNextAttempt() {
        projection.on(new AccountConnectedEvent(ACCOUNT, WORKSPACE, OWNER, Provider.MICROSOFT, "ms-1", EMAIL, SCOPES), 0, T0);

        projection.on(new AccessTokenRefreshFailedEvent(ACCOUNT, "timeout", null, false, 3, null, RefreshTrigger.EXPIRING), 1, at(5));

        assertThat(mine().orElseThrow().lastError()).isEqualTo("Microsoft token endpoint unavailable (timeout); retrying later.");
    }

    @Test
    void reauthorizationWithoutAPrecedingRefusalShowsItsReason() {
        projection.on(connected(ACCOUNT, OWNER), 0, T0);
        projection.on(new AccessTokenRefreshFailedEvent(ACCOUNT, "http_502", null, false, 1, at(2), RefreshTrigger.SCHEDULE), 1, at(1));

        projection.on(new ReauthorizationRequiredEvent(ACCOUNT, "the mailbox answered 401 to every request"), 2, at(3));

        assertThat(mine().orElseThrow().lastError())
                .isEqualTo("Google needs you to connect the account again: the mailbox answered 401 to every request.");
    }

    @Test
    void aDuplicateEventChangesNothing() {
        projection.on(connected(ACCOUNT, OWNER), 0, T0);
        AccessTokenRefreshedEvent refreshed =
                new AccessTokenRefreshedEvent(ACCOUNT, "fp-a2", at(60), false, null, SCOPES, RefreshTrigger.EXPIRING);
        projection.on(refreshed, 1, at(1));
        AccessTokenRefreshFailedEvent failed =
                new AccessTokenRefreshFailedEvent(ACCOUNT, "http_500", "oops", false, 1, at(10), RefreshTrigger.SCHEDULE);
        projection.on(failed, 2, at(5));
        AccountView before = mine().orElseThrow();

        projection.on(failed, 2, at(5));
        projection.on(refreshed, 1, at(1));
        projection.on(connected(ACCOUNT, OWNER), 0, T0);

        assertThat(mine()).contains(before);
        assertThat(queries.handle(new FindAccountsQuery(WORKSPACE, OWNER))).hasSize(1);
    }

    @Test
    void anotherOwnersAccountIsInvisible() {
        projection.on(connected(ACCOUNT, OWNER), 0, T0);

        assertThat(queries.handle(new FindAccountQuery(ACCOUNT, WORKSPACE, OTHER_OWNER))).isEmpty();
        assertThat(queries.handle(new FindAccountQuery(ACCOUNT, "ws-other", OWNER))).isEmpty();
        assertThat(queries.handle(new FindAccountsQuery(WORKSPACE, OTHER_OWNER))).isEmpty();
        assertThat(queries.handle(new FindAccountsQuery("ws-other", OWNER))).isEmpty();
        assertThat(queries.handle(new FindAccountQuery("acc-unknown", WORKSPACE, OWNER))).isEmpty();
    }

    @Test
    void anOwnersAccountsAreListedNewestFirst() {
        projection.on(connected("acc-old", OWNER), 0, T0);
        projection.on(connected("acc-new", OWNER), 0, at(10));
        projection.on(connected("acc-bob", OTHER_OWNER), 0, at(20));

        assertThat(queries.handle(new FindAccountsQuery(WORKSPACE, OWNER)))
                .extracting(AccountView::id)
                .containsExactly("acc-new", "acc-old");
    }

    @Test
    void resetClearsTheAccounts() {
        projection.on(connected(ACCOUNT, OWNER), 0, T0);

        projection.reset();

        assertThat(queries.handle(new FindAccountsQuery(WORKSPACE, OWNER))).isEmpty();
        projection.on(connected(ACCOUNT, OWNER), 0, T0);
        assertThat(mine()).isPresent();
    }

    @Test
    void axonResolvesTheSequenceNumberAndTimestampFromADomainEventMessage() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        GenericDomainEventMessage<AccountConnectedEvent> event =
                new GenericDomainEventMessage<>("ConnectedAccount", ACCOUNT, 0, connected(ACCOUNT, OWNER), MetaData.emptyInstance(),
                        "evt-connected", at(1));

        adapter.handle(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(7), event));
        adapter.handle(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(7), event));

        assertThat(mine()).hasValueSatisfying(view -> assertThat(view.connectedAt()).isEqualTo(at(1)));
        assertThat(jdbc.sql("SELECT last_sequence FROM connected_account").query(Long.class).single()).isZero();
    }

    private Optional<AccountView> mine() {
        return queries.handle(new FindAccountQuery(ACCOUNT, WORKSPACE, OWNER));
    }

    private static AccountConnectedEvent connected(String accountId, String ownerId) {
        return new AccountConnectedEvent(accountId, WORKSPACE, ownerId, Provider.GOOGLE, "google-sub-" + accountId, EMAIL, SCOPES);
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
