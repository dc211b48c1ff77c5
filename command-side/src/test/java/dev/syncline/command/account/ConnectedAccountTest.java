package dev.syncline.command.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.instanceOf;

import dev.syncline.command.token.AccessTokenRefresher;
import dev.syncline.command.token.GrantRevoker;
import dev.syncline.command.token.RefreshPolicy;
import dev.syncline.command.token.TokenStorage;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.VaultTokens;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.fault.FaultKind;
import dev.syncline.messages.account.AccessTokenRefreshFailedEvent;
import dev.syncline.messages.account.AccessTokenRefreshedEvent;
import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.account.AccountStatus;
import dev.syncline.messages.account.ConnectAccountCommand;
import dev.syncline.messages.account.DisconnectAccountCommand;
import dev.syncline.messages.account.GrantRevokedEvent;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.account.RefreshAccessTokenCommand;
import dev.syncline.messages.account.RefreshOutcome;
import dev.syncline.messages.account.RefreshTrigger;
import dev.syncline.messages.account.RevocationOutcome;
import dev.syncline.messages.account.TokensIssuedEvent;
import dev.syncline.providers.oauth.ConnectedIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command and failure path of {@link ConnectedAccount}, with the real vault on PostgreSQL and the
 * real provider adapters against the emulator, so that "the provider refused" is a real HTTP answer.
 */
class ConnectedAccountTest {

    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String OWNER = "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01";
    private static final String OTHER_OWNER = "5a1c7f20-2b6f-4d1e-9b7a-61c2e4f0d3b7";

    private static ProviderTestBed bed;
    private AggregateTestFixture<ConnectedAccount> fixture;
    private Clock clock;

    @BeforeAll
    static void startProviderAndDatabase() {
        bed = new ProviderTestBed();
    }

    @AfterAll
    static void stopProviderAndDatabase() {
        bed.close();
    }

    @BeforeEach
    void newFixture() {
        bed.emulator.control().reset();
        fixture = new AggregateTestFixture<>(ConnectedAccount.class);
        clock = Clock.fixed(fixture.currentTime(), ZoneOffset.UTC);
        RefreshPolicy policy = new RefreshPolicy(bed.settings);
        fixture.registerInjectableResource(new TokenStorage(bed.vault, bed.fingerprinter));
        fixture.registerInjectableResource(new AccessTokenRefresher(bed.vault, bed.fingerprinter, bed.tokenEndpoint, bed.settings, clock));
        fixture.registerInjectableResource(policy);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new GrantRevoker(bed.vault, bed.revocation));
    }

    @Test
    void connectingANewAccountRecordsTheConnectionAndStoresTheTokensInTheVault() {
        ConnectedIdentity identity = bed.connectAtProvider(Provider.GOOGLE);
        String accountId = accountIdFor(Provider.GOOGLE, identity);

        fixture.givenNoPriorActivity()
                .when(connect(accountId, Provider.GOOGLE, identity, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(events(
                        event(AccountConnectedEvent.class, e -> e.email().equals(identity.email()) && e.ownerId().equals(OWNER)),
                        event(TokensIssuedEvent.class, e -> e.accessTokenFingerprint().equals(bed.fingerprinter.fingerprint(identity.tokens().accessToken()))
                                && e.refreshTokenFingerprint() != null)));

        assertThat(bed.vault.load(key(accountId))).map(VaultTokens::accessToken).contains(identity.tokens().accessToken());
    }

    @Test
    void connectingAgainReauthorizesTheSameAccountAndClearsTheFailure() {
        ConnectedIdentity identity = bed.connectAtProvider(Provider.GOOGLE);
        String accountId = accountIdFor(Provider.GOOGLE, identity);

        fixture.given(connected(accountId, Provider.GOOGLE), issued(accountId, soon()),
                        new ReauthorizationRequiredEvent(accountId, "Google refused the grant"))
                .when(connect(accountId, Provider.GOOGLE, identity, OWNER))
                .expectEventsMatching(events(
                        event(AccountReconnectedEvent.class, e -> e.previousStatus() == AccountStatus.REAUTHORIZATION_REQUIRED),
                        event(TokensIssuedEvent.class, e -> true)))
                .expectState(account -> assertThat(status(account)).isEqualTo(AccountStatus.ACTIVE));
    }

    @Test
    void anotherUserCannotTakeOverAnAccountById() {
        ConnectedIdentity identity = bed.connectAtProvider(Provider.GOOGLE);
        String accountId = accountIdFor(Provider.GOOGLE, identity);

        fixture.given(connected(accountId, Provider.GOOGLE), issued(accountId, soon()))
                .when(connect(accountId, Provider.GOOGLE, identity, OTHER_OWNER))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void refreshingAGoogleTokenKeepsTheRefreshToken() {
        String accountId = storedAccount(Provider.GOOGLE);
        String refreshTokenBefore = bed.vault.load(key(accountId)).orElseThrow().refreshToken();

        fixture.given(connected(accountId, Provider.GOOGLE), issued(accountId, soon()))
                .when(new RefreshAccessTokenCommand(accountId, RefreshTrigger.EXPIRING, false))
                .expectResultMessagePayloadMatching(outcome(RefreshOutcome.Result.REFRESHED))
                .expectEventsMatching(events(event(AccessTokenRefreshedEvent.class, e -> !e.refreshTokenRotated()
                        && e.refreshTokenFingerprint().equals(bed.fingerprinter.fingerprint(refreshTokenBefore)))));

        assertThat(bed.vault.load(key(accountId)).orElseThrow().refreshToken()).isEqualTo(refreshTokenBefore);
        assertThat(tokenCalls(Provider.GOOGLE, "refresh_token")).isEqualTo(1);
    }

    @Test
    void refreshingAMicrosoftTokenStoresTheRotatedRefreshToken() {
        String accountId = storedAccount(Provider.MICROSOFT);
        String refreshTokenBefore = bed.vault.load(key(accountId)).orElseThrow().refreshToken();

        fixture.given(connected(accountId, Provider.MICROSOFT), issued(accountId, soon()))
                .when(new RefreshAccessTokenCommand(accountId, RefreshTrigger.EXPIRING, false))
                .expectEventsMatching(events(event(AccessTokenRefreshedEvent.class, AccessTokenRefreshedEvent::refreshTokenRotated)));

        String refreshTokenAfter = bed.vault.load(key(accountId)).orElseThrow().refreshToken();
        assertThat(refreshTokenAfter).isNotEqualTo(refreshTokenBefore);
    }

    @Test
    void aTokenValidBeyondTheBufferIsNotRefreshedUnlessForced() {
        String accountId = storedAccount(Provider.GOOGLE);

        fixture.given(connected(accountId, Provider.GOOGLE), issued(accountId, fixture.currentTime().plusSeconds(3600)))
                .when(new RefreshAccessTokenCommand(accountId, RefreshTrigger.EXPIRING, false))
                .expectResultMessagePayloadMatching(outcome(RefreshOutcome.Result.NOT_NEEDED))
                .expectNoEvents();

        assertThat(tokenCalls(Provider.GOOGLE, "refresh_token")).isZero();
    }

    @Test
    void aForcedRefreshCallsTheProviderEvenForAFreshToken() {
        String accountId = storedAccount(Provider.GOOGLE);

        fixture.given(connected(accountId, Provider.GOOGLE), issued(accountId, fixture.currentTime().plusSeconds(3600)))
                .when(new RefreshAccessTokenCommand(accountId, RefreshTrigger.USER_REQUEST, true))
                .expectEventsMatching(events(event(AccessTokenRefreshedEvent.class, e -> e.trigger() == RefreshTrigger.USER_REQUEST)));
    }

    @Test
    void aRevokedGrantRequiresReauthorizationAfterOneAttempt() {
        String accountId = storedAccount(Provider.GOOGLE);
        bed.emulator.control().revokeGrants(EmulatedProvider.GOOGLE, googleUser());
        bed.emulator.control().resetCounters(EmulatedProvider.GOOGLE);

        fixture.given(connected(accountId, Provider.GOOGLE), issued(accountId, soon()))
                .when(new RefreshAccessTokenCommand(accountId, RefreshTrigger.EXPIRING, false))
                .expectResultMessagePayloadMatching(outcome(RefreshOutcome.Result.FAILED_PERMANENT))
                .expectEventsMatching(events(
                        event(AccessTokenRefreshFailedEvent.class, e -> e.permanent() && e.error().equals("invalid_grant")
                                && e.description().equals("Token has been expired or revoked.")),
                        event(ReauthorizationRequiredEvent.class, e -> e.reason().contains("invalid_grant"))));

        assertThat(tokenCalls(Provider.GOOGLE, "refresh_token")).isEqualTo(1);
    }

    @Test
    void interactionRequiredAtMicrosoftIsPermanent() {
        String accountId = storedAccount(Provider.MICROSOFT);
        bed.emulator.control().injectFault(EmulatedProvider.MICROSOFT, FaultEndpoint.TOKEN, FaultKind.INTERACTION_REQUIRED, 1);

        fixture.given(connected(accountId, Provider.MICROSOFT), issued(accountId, soon()))
                .when(new RefreshAccessTokenCommand(accountId, RefreshTrigger.SCHEDULE, false))
                .expectEventsMatching(events(
                        event(AccessTokenRefreshFailedEvent.class, e -> e.permanent() && e.error().equals("interaction_required")),
                        event(ReauthorizationRequiredEvent.class, e -> true)));
    }

    @Test
    void transientFailuresAreRetriedWithBackoffAndEachIsRecorded() {
        String accountId = storedAccount(Provider.GOOGLE);
        bed.emulator.control().injectFault(EmulatedProvider.GOOGLE, FaultEndpoint.TOKEN, FaultKind.HTTP_503, 1);
        bed.emulator.control().injectFault(EmulatedProvider.GOOGLE, FaultEndpoint.TOKEN, FaultKind.TEMPORARILY_UNAVAILABLE, 1);

        fixture.given(connected(accountId, Provider.GOOGLE), issued(accountId, soon()))
                .when(new RefreshAccessTokenCommand(accountId, RefreshTrigger.EXPIRING, false))
                .expectResultMessagePayloadMatching(outcome(RefreshOutcome.Result.REFRESHED))
                .expectEventsMatching(events(
                        event(AccessTokenRefreshFailedEvent.class, e -> !e.permanent() && e.attempt() == 1 && e.error().equals("http_503")),
                        event(AccessTokenRefreshFailedEvent.class, e -> !e.permanent() && e.attempt() == 2
                                && e.error().equals("temporarily_unavailable")),
                        event(AccessTokenRefreshedEvent.class, e -> true)));
    }

    @Test
    void aTransientFailureOnEveryAttemptSchedulesALaterRetryAndKeepsTheAccountActive() {
        String accountId = storedAccount(Provider.GOOGLE);
        bed.emulator.control().injectFault(EmulatedProvider.GOOGLE, FaultEndpoint.TOKEN, FaultKind.HTTP_500, 3);

        fixture.given(connected(accountId, Provider.GOOGLE), issued(accountId, soon()))
                .when(new RefreshAccessTokenCommand(accountId, RefreshTrigger.EXPIRING, false))
                .expectResultMessagePayloadMatching(outcome(RefreshOutcome.Result.FAILED_TRANSIENT))
                .expectEventsMatching(events(
                        event(AccessTokenRefreshFailedEvent.class, e -> e.attempt() == 1),
                        event(AccessTokenRefreshFailedEvent.class, e -> e.attempt() == 2),
                        event(AccessTokenRefreshFailedEvent.class, e -> e.attempt() == 3 && !e.permanent()
                                && e.nextAttemptAt().isAfter(fixture.currentTime().plusSeconds(10)))))
                .expectState(account -> assertThat(status(account)).isEqualTo(AccountStatus.ACTIVE));
    }

    @Test
    void anAccountAwaitingReauthorizationCannotBeRefreshed() {
        String accountId = storedAccount(Provider.GOOGLE);

        fixture.given(connected(accountId, Provider.GOOGLE), issued(accountId, soon()),
                        new ReauthorizationRequiredEvent(accountId, "refused"))
                .when(new RefreshAccessTokenCommand(accountId, RefreshTrigger.USER_REQUEST, true))
                .expectException(AccountNotActiveException.class)
                .expectNoEvents();
    }

    @Test
    void disconnectingRevokesTheGrantAtGoogleAndShredsTheVault() {
        String accountId = storedAccount(Provider.GOOGLE);

        fixture.given(connected(accountId, Provider.GOOGLE), issued(accountId, soon()))
                .when(new DisconnectAccountCommand(accountId))
                .expectEventsMatching(events(
                        event(GrantRevokedEvent.class, e -> e.outcome() == RevocationOutcome.REVOKED),
                        event(AccountDisconnectedEvent.class, e -> e.workspaceId().equals(WORKSPACE))));

        assertThat(bed.vault.load(key(accountId))).isEmpty();
        assertThat(bed.emulator.control().revokeCalls(EmulatedProvider.GOOGLE)).isEqualTo(1);
    }

    @Test
    void aRevocationAnswered503IsRetried() {
        String accountId = storedAccount(Provider.GOOGLE);
        bed.emulator.control().injectFault(EmulatedProvider.GOOGLE, FaultEndpoint.REVOKE, FaultKind.HTTP_503, 1);

        fixture.given(connected(accountId, Provider.GOOGLE), issued(accountId, soon()))
                .when(new DisconnectAccountCommand(accountId))
                .expectEventsMatching(events(
                        event(GrantRevokedEvent.class, e -> e.outcome() == RevocationOutcome.REVOKED),
                        event(AccountDisconnectedEvent.class, e -> true)));

        assertThat(bed.emulator.control().revokeCalls(EmulatedProvider.GOOGLE)).isEqualTo(2);
    }

    @Test
    void disconnectingAMicrosoftAccountNotesThatRevocationIsNotSupported() {
        String accountId = storedAccount(Provider.MICROSOFT);

        fixture.given(connected(accountId, Provider.MICROSOFT), issued(accountId, soon()))
                .when(new DisconnectAccountCommand(accountId))
                .expectEventsMatching(events(
                        event(GrantRevokedEvent.class, e -> e.outcome() == RevocationOutcome.NOT_SUPPORTED),
                        event(AccountDisconnectedEvent.class, e -> true)));

        assertThat(bed.vault.load(key(accountId))).isEmpty();
    }

    @Test
    void disconnectingTwiceChangesNothing() {
        String accountId = "5c2f0f3e-2b1a-4c55-8d8c-1b2a3c4d5e6f";

        fixture.given(connected(accountId, Provider.GOOGLE), new AccountDisconnectedEvent(accountId, WORKSPACE))
                .when(new DisconnectAccountCommand(accountId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- test data -------------------------------------------------------------------------------------

    private String storedAccount(Provider provider) {
        ConnectedIdentity identity = bed.connectAtProvider(provider);
        String accountId = accountIdFor(provider, identity);
        new TokenStorage(bed.vault, bed.fingerprinter).store(key(accountId), provider, identity.tokens());
        bed.emulator.control().resetCounters(ProviderTestBed.emulated(provider));
        return accountId;
    }

    private static String accountIdFor(Provider provider, ConnectedIdentity identity) {
        // A fresh id per test, so that tests sharing the emulator's demo user never share vault rows.
        return AccountIds.of(WORKSPACE, OWNER, provider, identity.providerUserId() + ":" + System.nanoTime());
    }

    private String googleUser() {
        return bed.emulator.config().provider(EmulatedProvider.GOOGLE).users().get(0).email();
    }

    private long tokenCalls(Provider provider, String grantType) {
        return bed.emulator.control().tokenCalls(ProviderTestBed.emulated(provider), grantType);
    }

    private Instant soon() {
        return fixture.currentTime().plusSeconds(60);
    }

    private static AccountKey key(String accountId) {
        return new AccountKey(WORKSPACE, accountId);
    }

    private static ConnectAccountCommand connect(String accountId, Provider provider, ConnectedIdentity identity, String owner) {
        return new ConnectAccountCommand(accountId, WORKSPACE, owner, provider, identity.providerUserId(), identity.email(),
                identity.tokens());
    }

    private static AccountConnectedEvent connected(String accountId, Provider provider) {
        return new AccountConnectedEvent(accountId, WORKSPACE, OWNER, provider, "provider-user", "person@example.com", Set.of("email"));
    }

    private static TokensIssuedEvent issued(String accountId, Instant expiresAt) {
        return new TokensIssuedEvent(accountId, "hmac256:aa", "hmac256:bb", expiresAt, Set.of("email"));
    }

    private static AccountStatus status(ConnectedAccount account) {
        try {
            var field = ConnectedAccount.class.getDeclaredField("status");
            field.setAccessible(true);
            return (AccountStatus) field.get(account);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Matcher<RefreshOutcome> outcome(RefreshOutcome.Result result) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof RefreshOutcome outcome && outcome.result() == result;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refresh outcome " + result);
            }
        };
    }

    @SafeVarargs
    private static Matcher<List<EventMessage<?>>> events(Matcher<?>... payloads) {
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(
                Arrays.copyOf(payloads, payloads.length, Matcher[].class)));
    }

    private static <T> Matcher<Object> event(Class<T> type, Predicate<T> condition) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return type.isInstance(actual) && condition.test(type.cast(actual));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a ").appendText(type.getSimpleName()).appendText(" with the expected content");
            }
        };
    }
}
