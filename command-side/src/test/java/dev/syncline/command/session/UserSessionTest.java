package dev.syncline.command.session;

import dev.syncline.messages.session.LoginMethod;
import dev.syncline.messages.session.RefreshSessionCommand;
import dev.syncline.messages.session.RefreshTokenReuseDetectedEvent;
import dev.syncline.messages.session.RevokeSessionCommand;
import dev.syncline.messages.session.SessionEndReason;
import dev.syncline.messages.session.SessionExpiredEvent;
import dev.syncline.messages.session.SessionExpiry;
import dev.syncline.messages.session.SessionRefreshOutcome;
import dev.syncline.messages.session.SessionRefreshResult;
import dev.syncline.messages.session.SessionRefreshedEvent;
import dev.syncline.messages.session.SessionRevokedEvent;
import dev.syncline.messages.session.SessionStartedEvent;
import dev.syncline.messages.session.StartSessionCommand;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command and the expiry deadline of {@link UserSession}: start, rotation, reuse of a rotated token, unknown
 * tokens, revocation, and the idle and absolute expiry, whether a refresh or the deadline notices it first.
 */
class UserSessionTest {

    private static final String SESSION = "3b8f0d6e-5a41-4c2e-9f7d-1e6a2b9c4d01";
    private static final String USER = "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01";
    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";
    private static final String OTHER_CLIENT = "curl/8.5.0";
    private static final String HASH_0 = "a3f1c0de5b7e49d2b8c61f0e9a4d7c3b2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a70";
    private static final String HASH_1 = "b4e2d1ef6c8f5ae3c9d72a1f0b5e8d4c3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b81";
    private static final String HASH_2 = "c5f3e2fa7d9a6bf4dae83b2a1c6f9e5d4a3b2c1dae9f8a7b6c5d4e3f2a1b0c92";
    private static final String HASH_3 = "d6a4f3ab8eab7ca5ebf94c3b2d7afa6e5b4c3d2ebfaa9b8c7d6e5f4a3b2c1da3";
    private static final String NEVER_ISSUED = "e7b5a4bc9fbc8db6fca05d4c3e8bab7f6c5d4e3fcabba9c8d7e6f5a4b3c2d1eb4";

    private static final Duration IDLE = Duration.ofDays(7);
    private static final Duration ABSOLUTE = Duration.ofDays(30);
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private AggregateTestFixture<UserSession> fixture;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(UserSession.class);
        fixture.registerInjectableResource(clock);
    }

    // --- starting ----------------------------------------------------------------------------------------------

    @Test
    void aStartRecordsTheFirstTokenHashAndBothLimitsAndSchedulesTheExpiryCheckAtTheIdleLimit() {
        fixture.givenCurrentTime(T0)
                .when(start(IDLE, ABSOLUTE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(started())
                .expectScheduledDeadlineWithName(T0.plus(IDLE), UserSession.EXPIRY_DEADLINE);
    }

    @Test
    void aSessionWhoseLifetimeIsShorterThanItsIdleTimeoutIsCheckedAtItsAbsoluteLimit() {
        fixture.givenCurrentTime(T0)
                .when(start(IDLE, Duration.ofDays(1)))
                .expectEvents(new SessionStartedEvent(SESSION, USER, WORKSPACE, LoginMethod.GOOGLE, BROWSER, HASH_0, T0,
                        T0.plus(IDLE), T0.plus(Duration.ofDays(1))))
                .expectScheduledDeadlineWithName(T0.plus(Duration.ofDays(1)), UserSession.EXPIRY_DEADLINE);
    }

    @Test
    void aStartWithoutAPositiveIdleTimeoutIsMalformed() {
        fixture.givenCurrentTime(T0)
                .when(start(Duration.ZERO, ABSOLUTE))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    // --- rotation ----------------------------------------------------------------------------------------------

    @Test
    void theCurrentTokenIsRotatedToGenerationOneAndMovesTheIdleLimit() {
        clock.set(at(Duration.ofHours(2)));

        fixture.given(started())
                .when(refresh(HASH_0, HASH_1, OTHER_CLIENT))
                .expectResultMessagePayload(answer(SessionRefreshOutcome.REFRESHED))
                .expectEvents(refreshed(1, HASH_1, OTHER_CLIENT, at(Duration.ofHours(2))));
    }

    @Test
    void aSecondRotationTakesTheTokenOfTheFirst() {
        clock.set(at(Duration.ofDays(3)));

        fixture.given(started(), refreshed(1, HASH_1, BROWSER, at(Duration.ofHours(2))))
                .when(refresh(HASH_1, HASH_2, BROWSER))
                .expectResultMessagePayload(answer(SessionRefreshOutcome.REFRESHED))
                .expectEvents(refreshed(2, HASH_2, BROWSER, at(Duration.ofDays(3))));
    }

    @Test
    void aSuccessorTheSessionHadBeforeIsMalformed() {
        fixture.given(started(), refreshed(1, HASH_1, BROWSER, T0))
                .when(refresh(HASH_1, HASH_0, BROWSER))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    // --- reuse and unknown tokens ------------------------------------------------------------------------------

    @Test
    void reusingTheFirstTokenAfterTwoRotationsRevokesTheFamily() {
        Instant now = at(Duration.ofDays(2));
        clock.set(now);

        fixture.given(started(), refreshed(1, HASH_1, BROWSER, T0), refreshed(2, HASH_2, BROWSER, at(Duration.ofDays(1))))
                .when(refresh(HASH_0, HASH_3, OTHER_CLIENT))
                .expectResultMessagePayload(answer(SessionRefreshOutcome.REUSE_DETECTED))
                .expectEvents(new RefreshTokenReuseDetectedEvent(SESSION, USER, WORKSPACE, 0, 2, OTHER_CLIENT, now),
                        new SessionRevokedEvent(SESSION, USER, WORKSPACE, SessionEndReason.REFRESH_TOKEN_REUSED, now));
    }

    @Test
    void reusingTheTokenReplacedLastRevokesTheFamilyToo() {
        fixture.given(started(), refreshed(1, HASH_1, BROWSER, T0))
                .when(refresh(HASH_0, HASH_2, OTHER_CLIENT))
                .expectResultMessagePayload(answer(SessionRefreshOutcome.REUSE_DETECTED))
                .expectEvents(new RefreshTokenReuseDetectedEvent(SESSION, USER, WORKSPACE, 0, 1, OTHER_CLIENT, T0),
                        new SessionRevokedEvent(SESSION, USER, WORKSPACE, SessionEndReason.REFRESH_TOKEN_REUSED, T0));
    }

    @Test
    void aHashThatWasNeverATokenOfTheSessionChangesNothingAndRevealsNoOwner() {
        fixture.given(started(), refreshed(1, HASH_1, BROWSER, T0))
                .when(refresh(NEVER_ISSUED, HASH_2, OTHER_CLIENT))
                .expectResultMessagePayload(new SessionRefreshResult(SessionRefreshOutcome.UNKNOWN_TOKEN, null, null))
                .expectNoEvents();
    }

    @Test
    void aRefreshOfASessionThatDoesNotExistAnswersUnknownToken() {
        fixture.givenNoPriorActivity()
                .when(refresh(HASH_0, HASH_1, OTHER_CLIENT))
                .expectResultMessagePayload(new SessionRefreshResult(SessionRefreshOutcome.UNKNOWN_TOKEN, null, null))
                .expectNoEvents();
    }

    // --- ended sessions ----------------------------------------------------------------------------------------

    @Test
    void aRevokedSessionAnswersRevokedWithoutEvents() {
        fixture.given(started(), revoked(SessionEndReason.LOGOUT))
                .when(refresh(HASH_0, HASH_1, BROWSER))
                .expectResultMessagePayload(answer(SessionRefreshOutcome.REVOKED))
                .expectNoEvents();
    }

    @Test
    void aRotatedTokenOfARevokedFamilyRecordsNoSecondReuse() {
        fixture.given(started(), refreshed(1, HASH_1, BROWSER, T0),
                        new RefreshTokenReuseDetectedEvent(SESSION, USER, WORKSPACE, 0, 1, OTHER_CLIENT, T0),
                        revoked(SessionEndReason.REFRESH_TOKEN_REUSED))
                .when(refresh(HASH_0, HASH_2, OTHER_CLIENT))
                .expectResultMessagePayload(answer(SessionRefreshOutcome.REVOKED))
                .expectNoEvents();
    }

    @Test
    void aGuessAtARevokedSessionStillAnswersUnknownToken() {
        fixture.given(started(), revoked(SessionEndReason.LOGOUT))
                .when(refresh(NEVER_ISSUED, HASH_1, OTHER_CLIENT))
                .expectResultMessagePayload(new SessionRefreshResult(SessionRefreshOutcome.UNKNOWN_TOKEN, null, null))
                .expectNoEvents();
    }

    @Test
    void anExpiredSessionAnswersExpiredWithoutASecondExpiry() {
        clock.set(at(Duration.ofDays(8)));

        fixture.given(started(), expired(SessionExpiry.IDLE, T0.plus(IDLE)))
                .when(refresh(HASH_0, HASH_1, BROWSER))
                .expectResultMessagePayload(answer(SessionRefreshOutcome.EXPIRED))
                .expectNoEvents();
    }

    // --- expiry noticed by a refresh ---------------------------------------------------------------------------

    @Test
    void aRefreshAtTheIdleLimitExpiresTheSession() {
        clock.set(T0.plus(IDLE));

        fixture.given(started())
                .when(refresh(HASH_0, HASH_1, BROWSER))
                .expectResultMessagePayload(answer(SessionRefreshOutcome.EXPIRED))
                .expectEvents(expired(SessionExpiry.IDLE, T0.plus(IDLE)));
    }

    @Test
    void aRefreshJustBeforeTheIdleLimitRotates() {
        Instant justBefore = T0.plus(IDLE).minusMillis(1);
        clock.set(justBefore);

        fixture.given(started())
                .when(refresh(HASH_0, HASH_1, BROWSER))
                .expectResultMessagePayload(answer(SessionRefreshOutcome.REFRESHED))
                .expectEvents(refreshed(1, HASH_1, BROWSER, justBefore));
    }

    @Test
    void aRefreshAfterTheAbsoluteLifetimeExpiresTheSessionEvenWhenItWasJustUsed() {
        Instant lastUse = at(ABSOLUTE.minusHours(1));
        clock.set(at(ABSOLUTE.plusMinutes(5)));

        fixture.given(started(), refreshed(1, HASH_1, BROWSER, lastUse))
                .when(refresh(HASH_1, HASH_2, BROWSER))
                .expectResultMessagePayload(answer(SessionRefreshOutcome.EXPIRED))
                .expectEvents(expired(SessionExpiry.ABSOLUTE, T0.plus(ABSOLUTE)));
    }

    @Test
    void aRotatedTokenPresentedAfterExpiryFindsTheSessionExpiredRatherThanReused() {
        clock.set(at(Duration.ofDays(9)));

        fixture.given(started(), refreshed(1, HASH_1, BROWSER, T0))
                .when(refresh(HASH_0, HASH_2, OTHER_CLIENT))
                .expectResultMessagePayload(answer(SessionRefreshOutcome.EXPIRED))
                .expectEvents(expired(SessionExpiry.IDLE, T0.plus(IDLE)));
    }

    // --- revocation --------------------------------------------------------------------------------------------

    @Test
    void aRevokeEndsAnActiveSessionWithItsReason() {
        Instant now = at(Duration.ofHours(5));
        clock.set(now);

        fixture.given(started())
                .when(new RevokeSessionCommand(SESSION, SessionEndReason.LOGOUT_ALL))
                .expectEvents(new SessionRevokedEvent(SESSION, USER, WORKSPACE, SessionEndReason.LOGOUT_ALL, now));
    }

    @Test
    void revokingARevokedSessionChangesNothing() {
        fixture.given(started(), revoked(SessionEndReason.LOGOUT))
                .when(new RevokeSessionCommand(SESSION, SessionEndReason.PASSWORD_CHANGED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revokingAnExpiredSessionChangesNothing() {
        clock.set(at(Duration.ofDays(10)));

        fixture.given(started(), expired(SessionExpiry.IDLE, T0.plus(IDLE)))
                .when(new RevokeSessionCommand(SESSION, SessionEndReason.LOGOUT_ALL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revokingASessionPastItsIdleLimitRecordsTheExpiryInstead() {
        clock.set(at(Duration.ofDays(7).plusSeconds(1)));

        fixture.given(started())
                .when(new RevokeSessionCommand(SESSION, SessionEndReason.PASSWORD_CHANGED))
                .expectEvents(expired(SessionExpiry.IDLE, T0.plus(IDLE)));
    }

    // --- expiry noticed by the deadline ------------------------------------------------------------------------

    @Test
    void theDeadlineAtTheIdleLimitExpiresAnUnusedSession() {
        fixture.givenCurrentTime(T0).andGivenCommands(start(IDLE, ABSOLUTE));
        clock.set(T0.plus(IDLE));

        fixture.whenTimeAdvancesTo(T0.plus(IDLE))
                .expectTriggeredDeadlinesWithName(UserSession.EXPIRY_DEADLINE)
                .expectEvents(expired(SessionExpiry.IDLE, T0.plus(IDLE)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theDeadlineAtTheAbsoluteLimitExpiresASessionThatOutlivesIt() {
        fixture.givenCurrentTime(T0).andGivenCommands(start(IDLE, Duration.ofDays(1)));
        clock.set(at(Duration.ofDays(1)));

        fixture.whenTimeAdvancesTo(at(Duration.ofDays(1)))
                .expectTriggeredDeadlinesWithName(UserSession.EXPIRY_DEADLINE)
                .expectEvents(expired(SessionExpiry.ABSOLUTE, at(Duration.ofDays(1))))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDeadlineThatARefreshOvertookWaitsForTheNewIdleLimit() {
        Instant refreshedAt = at(Duration.ofDays(3));
        var given = fixture.givenCurrentTime(T0).andGivenCommands(start(IDLE, ABSOLUTE));
        clock.set(refreshedAt);
        given.andGivenCommands(refresh(HASH_0, HASH_1, BROWSER));
        clock.set(T0.plus(IDLE));

        fixture.whenTimeAdvancesTo(T0.plus(IDLE))
                .expectTriggeredDeadlinesWithName(UserSession.EXPIRY_DEADLINE)
                .expectNoEvents()
                .expectScheduledDeadlineWithName(refreshedAt.plus(IDLE), UserSession.EXPIRY_DEADLINE);
    }

    @Test
    void theDeadlineOfARevokedSessionDoesNothing() {
        var given = fixture.givenCurrentTime(T0).andGivenCommands(start(IDLE, ABSOLUTE));
        given.andGivenCommands(new RevokeSessionCommand(SESSION, SessionEndReason.LOGOUT));
        clock.set(T0.plus(IDLE));

        fixture.whenTimeAdvancesTo(T0.plus(IDLE))
                .expectTriggeredDeadlinesWithName(UserSession.EXPIRY_DEADLINE)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    // --- test data ---------------------------------------------------------------------------------------------

    static StartSessionCommand start(Duration idleTimeout, Duration absoluteLifetime) {
        return new StartSessionCommand(SESSION, USER, WORKSPACE, LoginMethod.GOOGLE, BROWSER, HASH_0, idleTimeout,
                absoluteLifetime);
    }

    static SessionStartedEvent started() {
        return new SessionStartedEvent(SESSION, USER, WORKSPACE, LoginMethod.GOOGLE, BROWSER, HASH_0, T0, T0.plus(IDLE),
                T0.plus(ABSOLUTE));
    }

    static SessionRefreshedEvent refreshed(int generation, String hash, String userAgent, Instant at) {
        return new SessionRefreshedEvent(SESSION, USER, WORKSPACE, generation, hash, userAgent, at, at.plus(IDLE));
    }

    static RefreshSessionCommand refresh(String presented, String successor, String userAgent) {
        return new RefreshSessionCommand(SESSION, presented, successor, userAgent);
    }

    private static SessionRevokedEvent revoked(SessionEndReason reason) {
        return new SessionRevokedEvent(SESSION, USER, WORKSPACE, reason, T0);
    }

    private static SessionExpiredEvent expired(SessionExpiry expiry, Instant at) {
        return new SessionExpiredEvent(SESSION, USER, WORKSPACE, expiry, at);
    }

    private static SessionRefreshResult answer(SessionRefreshOutcome outcome) {
        return new SessionRefreshResult(outcome, USER, WORKSPACE);
    }

    private static Instant at(Duration sinceStart) {
        return T0.plus(sinceStart);
    }
}
