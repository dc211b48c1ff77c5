package dev.syncline.sagas.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.RefreshOutcome;
import dev.syncline.messages.account.ReplaceRejectedAccessTokenCommand;
import dev.syncline.messages.account.ValidAccessToken;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.CalendarItemsPage;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.MessagesPage;
import dev.syncline.messages.sync.RecordCalendarItemsPageCommand;
import dev.syncline.messages.sync.RecordCursorExpiredCommand;
import dev.syncline.messages.sync.RecordMessagesPageCommand;
import dev.syncline.messages.sync.RecordSyncFailureCommand;
import dev.syncline.messages.sync.RecordSyncThrottledCommand;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncedMessage;
import dev.syncline.providers.sync.AccessTokenRejectedException;
import dev.syncline.providers.sync.CursorExpiredException;
import dev.syncline.providers.sync.MailboxUnavailableException;
import dev.syncline.providers.sync.ProviderThrottledException;
import dev.syncline.providers.sync.TransientProviderException;
import dev.syncline.sagas.RecordingCommandGateway;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a page read ends up as a command on the channel, for every outcome the provider adapters can have:
 * the real fetcher over scripted adapters, a recording command gateway standing in for the aggregates, and
 * a query bus answering the account's access token.
 */
class PageFetcherTest {

    private static final String ACCOUNT = "acc-3c9e5d1a";
    private static final String MAIL = SyncChannel.MAIL.streamIdFor(ACCOUNT);
    private static final String CALENDAR = SyncChannel.CALENDAR.streamIdFor(ACCOUNT);
    private static final String SYNC = "sync-4f1d";
    private static final String PAGE_2 = "page-token-2";
    private static final String PAGE_3 = "page-token-3";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String TOKEN = "ya29.CANARY-access-7d2e";
    private static final String NEW_TOKEN = "ya29.CANARY-access-refreshed-91aa";
    private static final Instant TOKEN_EXPIRES_AT = NOW.plus(Duration.ofMinutes(30));
    private static final Instant NEW_TOKEN_EXPIRES_AT = NOW.plus(Duration.ofMinutes(60));
    private static final ValidAccessToken VALID_TOKEN = new ValidAccessToken(ACCOUNT, Provider.GOOGLE, TOKEN, TOKEN_EXPIRES_AT);
    private static final ValidAccessToken REPLACED_TOKEN = new ValidAccessToken(ACCOUNT, Provider.GOOGLE, NEW_TOKEN,
            NEW_TOKEN_EXPIRES_AT);
    private static final PageRequest MAIL_REQUEST = new PageRequest(SYNC, MAIL, ACCOUNT, Provider.GOOGLE, SyncChannel.MAIL, PAGE_2);
    private static final PageRequest CALENDAR_REQUEST = new PageRequest(SYNC, CALENDAR, ACCOUNT, Provider.GOOGLE,
            SyncChannel.CALENDAR, null);

    private static final MessagesPage MAIL_PAGE = new MessagesPage(List.of(new SyncedMessage("msg-18c5", "thread-18c5", null,
            List.of("INBOX"), new EmailAddress(null, "bob@example.com"), List.of(), List.of(), "Lunch?", "Lunch at noon?",
            "Lunch at noon?", false, NOW.minusSeconds(60), true, List.of())), List.of(new RemovedItem("msg-0a01", null)),
            PAGE_3, null, 40L);
    private static final CalendarItemsPage CALENDAR_PAGE = new CalendarItemsPage(List.of(new CalendarItem("evt-5e1", "Standup",
            null, null, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(15)), "UTC", false,
            List.of(), null, null, List.of(), CalendarItemStatus.CONFIRMED)), List.of(), null, "sync-token-9", null);

    private static final String THROTTLE_REASON = "Gmail asked to wait (429 rateLimitExceeded)";
    private static final Duration RETRY_AFTER = Duration.ofMinutes(15);
    private static final String EXPIRY_REASON = "Gmail answered 404 to history.list: the history id is too old";
    private static final String UNAVAILABLE_REASON = "The mailbox is not enabled for the Gmail API";
    private static final String TRANSIENT_REASON = "Gmail answered 503";
    private static final String NO_TOKEN_REASON = "No valid access token for account " + ACCOUNT + ": invalid_grant";

    private final ScriptedSource.Mail mail = new ScriptedSource.Mail(Provider.GOOGLE, MAIL_PAGE);
    private final ScriptedSource.Calendar calendar = new ScriptedSource.Calendar(Provider.GOOGLE, CALENDAR_PAGE);
    private final AtomicReference<ValidAccessToken> storedToken = new AtomicReference<>(VALID_TOKEN);
    private RecordingCommandGateway commands;
    private PageFetcher fetcher;

    @BeforeEach
    void newFetcher() {
        commands = new RecordingCommandGateway()
                .answering(RecordMessagesPageCommand.class, command -> true)
                .answering(RecordCalendarItemsPageCommand.class, command -> true);
        fetcher = fetcher(TokenQueries.answering(query -> storedToken.get()));
    }

    @Test
    void aMailPageIsRecordedFromTheRequestsPosition() {
        mail.thenAnswer(MAIL_PAGE);

        fetcher.fetch(MAIL_REQUEST);

        assertThat(mail.reads()).containsExactly(new ScriptedSource.Read(ACCOUNT, TOKEN, PAGE_2));
        assertThat(commands.commands()).containsExactly(new RecordMessagesPageCommand(MAIL, SYNC, PAGE_2, MAIL_PAGE));
        assertThat(commands.messages().get(0).getMetaData())
                .isEqualTo(MetaData.with("actor", "system").and("cause", "sync:" + SYNC));
    }

    @Test
    void aCalendarPageIsRecordedFromTheRequestsPosition() {
        calendar.thenAnswer(CALENDAR_PAGE);

        fetcher.fetch(CALENDAR_REQUEST);

        assertThat(calendar.reads()).containsExactly(new ScriptedSource.Read(ACCOUNT, TOKEN, null));
        assertThat(mail.reads()).isEmpty();
        assertThat(commands.commands()).containsExactly(new RecordCalendarItemsPageCommand(CALENDAR, SYNC, null, CALENDAR_PAGE));
    }

    @Test
    void aThrottledReadRecordsWhenTheSyncMayContinue() {
        mail.thenThrow(new ProviderThrottledException(THROTTLE_REASON, RETRY_AFTER, null));

        fetcher.fetch(MAIL_REQUEST);

        assertThat(commands.commands())
                .containsExactly(new RecordSyncThrottledCommand(MAIL, SYNC, NOW.plus(RETRY_AFTER), THROTTLE_REASON));
    }

    @Test
    void anExpiredCursorIsRecordedWithAFreshResyncId() {
        mail.thenThrow(new CursorExpiredException(EXPIRY_REASON, null)).thenThrow(new CursorExpiredException(EXPIRY_REASON, null));

        fetcher.fetch(MAIL_REQUEST);
        fetcher.fetch(MAIL_REQUEST);

        List<RecordCursorExpiredCommand> expired = commands.commands(RecordCursorExpiredCommand.class);
        assertThat(commands.commands()).hasSize(2);
        assertThat(expired).allSatisfy(command -> {
            assertThat(command.channelSyncId()).isEqualTo(MAIL);
            assertThat(command.syncId()).isEqualTo(SYNC);
            assertThat(command.reason()).isEqualTo(EXPIRY_REASON);
            assertThat(UUID.fromString(command.resyncId())).isNotNull();
        });
        assertThat(expired.get(0).resyncId()).isNotEqualTo(expired.get(1).resyncId());
    }

    @Test
    void anUnavailableMailboxFailsTheSyncForGood() {
        mail.thenThrow(new MailboxUnavailableException(UNAVAILABLE_REASON, null));

        fetcher.fetch(MAIL_REQUEST);

        assertThat(commands.commands()).containsExactly(new RecordSyncFailureCommand(MAIL, SYNC, UNAVAILABLE_REASON, true));
    }

    @Test
    void aTransientFailureIsRetryableAndSaysWhatHappened() {
        mail.thenThrow(new TransientProviderException(TRANSIENT_REASON, new SocketTimeoutException("read timed out")));

        fetcher.fetch(MAIL_REQUEST);

        assertThat(commands.commands()).containsExactly(new RecordSyncFailureCommand(MAIL, SYNC, TRANSIENT_REASON, false));
    }

    @Test
    void aRejectedTokenIsReplacedAndThePageReadAgainWithTheNewToken() {
        mail.thenThrow(new AccessTokenRejectedException("Gmail answered 401", null)).thenAnswer(MAIL_PAGE);
        commands.answering(ReplaceRejectedAccessTokenCommand.class, command -> {
            storedToken.set(REPLACED_TOKEN);
            return RefreshOutcome.refreshed(NEW_TOKEN_EXPIRES_AT);
        });

        fetcher.fetch(MAIL_REQUEST);

        assertThat(mail.reads()).containsExactly(new ScriptedSource.Read(ACCOUNT, TOKEN, PAGE_2),
                new ScriptedSource.Read(ACCOUNT, NEW_TOKEN, PAGE_2));
        assertThat(commands.commands()).containsExactly(new ReplaceRejectedAccessTokenCommand(ACCOUNT, TOKEN_EXPIRES_AT),
                new RecordMessagesPageCommand(MAIL, SYNC, PAGE_2, MAIL_PAGE));
    }

    @Test
    void aSecondRejectionFailsThePage() {
        mail.thenThrow(new AccessTokenRejectedException("Gmail answered 401", null))
                .thenThrow(new AccessTokenRejectedException("Gmail answered 401", null));
        commands.answering(ReplaceRejectedAccessTokenCommand.class, command -> {
            storedToken.set(REPLACED_TOKEN);
            return RefreshOutcome.refreshed(NEW_TOKEN_EXPIRES_AT);
        });

        fetcher.fetch(MAIL_REQUEST);

        assertThat(mail.reads()).hasSize(2);
        assertThat(commands.commands()).containsExactly(new ReplaceRejectedAccessTokenCommand(ACCOUNT, TOKEN_EXPIRES_AT),
                new RecordSyncFailureCommand(MAIL, SYNC, "The provider rejected the access token even after it was refreshed",
                        false));
    }

    @Test
    void aTokenThatCouldNotBeReplacedForNowFailsThePageSayingWhy() {
        mail.thenThrow(new AccessTokenRejectedException("Gmail answered 401", null));
        commands.answering(ReplaceRejectedAccessTokenCommand.class,
                command -> new RefreshOutcome(RefreshOutcome.Result.FAILED_TRANSIENT, null, "temporarily_unavailable"));

        fetcher.fetch(MAIL_REQUEST);

        assertThat(mail.reads()).hasSize(1);
        assertThat(commands.commands(RecordSyncFailureCommand.class)).containsExactly(new RecordSyncFailureCommand(MAIL, SYNC,
                "The provider rejected the access token and refreshing it failed: temporarily_unavailable", false));
    }

    @Test
    void aGrantRefusedForGoodRecordsNoFailureSinceTheAccountsReauthorizationPausesTheSync() {
        mail.thenThrow(new AccessTokenRejectedException("Gmail answered 401", null));
        commands.answering(ReplaceRejectedAccessTokenCommand.class,
                command -> new RefreshOutcome(RefreshOutcome.Result.FAILED_PERMANENT, null, "invalid_grant"));

        fetcher.fetch(MAIL_REQUEST);

        assertThat(mail.reads()).hasSize(1);
        assertThat(commands.commands()).containsExactly(new ReplaceRejectedAccessTokenCommand(ACCOUNT, TOKEN_EXPIRES_AT));
    }

    @Test
    void aMissingTokenFailsThePageSayingWhy() {
        fetcher = fetcher(TokenQueries.answering(query -> {
            throw new NoTokenException(NO_TOKEN_REASON);
        }));

        fetcher.fetch(MAIL_REQUEST);

        assertThat(mail.reads()).isEmpty();
        assertThat(commands.commands()).containsExactly(new RecordSyncFailureCommand(MAIL, SYNC, NO_TOKEN_REASON, false));
    }

    @Test
    void anUnexpectedErrorIsNamedByItsTypeOnly() {
        mail.thenThrow(new IllegalArgumentException("GET https://gmail.googleapis.com/gmail/v1/users/me/messages?access_token="
                + TOKEN));

        fetcher.fetch(MAIL_REQUEST);

        assertThat(commands.commands()).containsExactly(new RecordSyncFailureCommand(MAIL, SYNC,
                "Unexpected IllegalArgumentException while reading from the provider", false));
    }

    static Stream<Arguments> failuresQuotingTheToken() {
        RuntimeException quoting = new RuntimeException("Authorization: Bearer " + TOKEN);
        return Stream.of(
                Arguments.of("throttled", new ProviderThrottledException(THROTTLE_REASON, RETRY_AFTER, quoting)),
                Arguments.of("cursor expired", new CursorExpiredException(EXPIRY_REASON, quoting)),
                Arguments.of("mailbox unavailable", new MailboxUnavailableException(UNAVAILABLE_REASON, quoting)),
                Arguments.of("transient", new TransientProviderException(TRANSIENT_REASON, quoting)),
                Arguments.of("rejected twice", new AccessTokenRejectedException("Gmail answered 401", quoting)),
                Arguments.of("unexpected", new IllegalStateException("request failed: Bearer " + TOKEN, quoting)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresQuotingTheToken")
    void failureReasonsNeverContainTheToken(String outcome, RuntimeException failure) {
        mail.thenThrow(failure).thenThrow(failure);
        commands.answering(ReplaceRejectedAccessTokenCommand.class, command -> RefreshOutcome.refreshed(TOKEN_EXPIRES_AT));

        fetcher.fetch(MAIL_REQUEST);

        assertThat(commands.commands()).isNotEmpty().allSatisfy(command -> assertThat(command.toString()).doesNotContain(TOKEN));
        assertThat(commands.messages()).allSatisfy(message -> assertThat(Map.copyOf(message.getMetaData()).toString())
                .doesNotContain(TOKEN));
    }

    private PageFetcher fetcher(QueryGateway queries) {
        return new PageFetcher(ScriptedSource.syncSources(mail, calendar), commands, queries, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Stands in for the command side's own "no valid access token" exception, whose message is written to be shown. */
    static final class NoTokenException extends RuntimeException {
        NoTokenException(String message) {
            super(message);
        }
    }
}
