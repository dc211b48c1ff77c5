package dev.syncline.query.audit;

import dev.syncline.messages.account.AccessTokenRefreshFailedEvent;
import dev.syncline.messages.account.AccessTokenRefreshedEvent;
import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.account.GrantRevokedEvent;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.account.TokensIssuedEvent;
import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncCursorExpiredEvent;
import dev.syncline.messages.sync.SyncFailedEvent;
import dev.syncline.messages.sync.SyncPageFailedEvent;
import dev.syncline.messages.sync.SyncPausedEvent;
import dev.syncline.messages.sync.SyncResumedEvent;
import dev.syncline.messages.sync.SyncStartedEvent;
import dev.syncline.messages.sync.SyncThrottledEvent;
import dev.syncline.query.audit.SyncAuditEntries.Origin;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes each step of an account's token lifecycle and of its channels' syncs into its audit timeline
 * ({@code account_audit}): who ({@code actor} metadata), why ({@code cause} metadata, else the refresh or sync
 * trigger), what in one sentence, and the event's non-secret facts (counts, never content; see
 * {@link SyncAuditEntries}). Also keeps {@code account_audit_owner}, so that the timeline is shown only to the
 * account's owner. Keyed on the event identifier, so a replay or a duplicate adds nothing.
 */
@Component
@ProcessingGroup(AccountAuditProjection.PROCESSING_GROUP)
public class AccountAuditProjection {

    /** The processing group, and so the event processor, that runs this projection. */
    public static final String PROCESSING_GROUP = "token-audit";

    static final String SYSTEM = "system";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final AuditLog log;

    public AccountAuditProjection(DataSource dataSource) {
        this.log = new AuditLog(JdbcClient.create(dataSource));
    }

    @EventHandler
    void on(AccountConnectedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        log.owner(event.accountId(), event.workspaceId(), event.ownerId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", event.provider().name());
        details.put("providerUserId", event.providerUserId());
        details.put("email", event.email());
        details.put("scopes", sorted(event.scopes()));
        log.append(new AuditEntry(eventId, position(token), event.accountId(), occurredAt, AuditType.ACCOUNT_CONNECTED.name(),
                actor(actor), cause, "Connected the " + providerName(event.provider().name()) + " account " + event.email() + ".",
                details));
    }

    @EventHandler
    void on(TokensIssuedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("accessTokenFingerprint", event.accessTokenFingerprint());
        putIfPresent(details, "refreshTokenFingerprint", event.refreshTokenFingerprint());
        details.put("accessTokenExpiresAt", event.accessTokenExpiresAt());
        details.put("scopes", sorted(event.scopes()));
        log.append(new AuditEntry(eventId, position(token), event.accountId(), occurredAt, AuditType.TOKENS_ISSUED.name(),
                actor(actor), cause, "The provider issued tokens; the access token expires at "
                + when(event.accessTokenExpiresAt()) + ".", details));
    }

    @EventHandler
    void on(AccessTokenRefreshedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("accessTokenFingerprint", event.accessTokenFingerprint());
        details.put("accessTokenExpiresAt", event.accessTokenExpiresAt());
        details.put("rotated", event.refreshTokenRotated());
        putIfPresent(details, "refreshTokenFingerprint", event.refreshTokenFingerprint());
        details.put("scopes", sorted(event.scopes()));
        putIfPresent(details, "trigger", event.trigger());
        String summary = "Refreshed the access token; it expires at " + when(event.accessTokenExpiresAt())
                + (event.refreshTokenRotated() ? " and the provider rotated the refresh token." : ".");
        log.append(new AuditEntry(eventId, position(token), event.accountId(), occurredAt,
                AuditType.ACCESS_TOKEN_REFRESHED.name(), actor(actor), cause(cause, event.trigger()), summary, details));
    }

    @EventHandler
    void on(AccessTokenRefreshFailedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", event.error());
        putIfPresent(details, "description", event.description());
        details.put("permanent", event.permanent());
        details.put("attempt", event.attempt());
        putIfPresent(details, "nextAttemptAt", event.nextAttemptAt());
        putIfPresent(details, "trigger", event.trigger());
        String summary = event.permanent()
                ? sentence("The provider refused the grant for good (" + event.error() + ")"
                        + (isBlank(event.description()) ? "" : ": " + event.description().strip()))
                : "Refresh attempt " + event.attempt() + " failed (" + event.error() + "); "
                        + (event.nextAttemptAt() == null ? "it will be retried." : "next attempt at " + when(event.nextAttemptAt()) + ".");
        log.append(new AuditEntry(eventId, position(token), event.accountId(), occurredAt,
                AuditType.ACCESS_TOKEN_REFRESH_FAILED.name(), actor(actor), cause(cause, event.trigger()), summary, details));
    }

    @EventHandler
    void on(ReauthorizationRequiredEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        Map<String, Object> details = new LinkedHashMap<>();
        putIfPresent(details, "reason", event.reason());
        log.append(new AuditEntry(eventId, position(token), event.accountId(), occurredAt,
                AuditType.REAUTHORIZATION_REQUIRED.name(), actor(actor), cause,
                sentence("The owner must connect the account again" + (isBlank(event.reason()) ? "" : ": " + event.reason().strip())),
                details));
    }

    @EventHandler
    void on(AccountReconnectedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("email", event.email());
        details.put("scopes", sorted(event.scopes()));
        putIfPresent(details, "previousStatus", event.previousStatus());
        String summary = "Reconnected the account " + event.email()
                + (event.previousStatus() == null ? "." : "; it was " + words(event.previousStatus().name()) + ".");
        log.append(new AuditEntry(eventId, position(token), event.accountId(), occurredAt, AuditType.ACCOUNT_RECONNECTED.name(),
                actor(actor), cause, summary, details));
    }

    @EventHandler
    void on(GrantRevokedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        Map<String, Object> details = new LinkedHashMap<>();
        putIfPresent(details, "outcome", event.outcome());
        putIfPresent(details, "detail", event.detail());
        String summary = switch (event.outcome()) {
            case REVOKED -> "The provider revoked the grant.";
            case NOT_SUPPORTED -> "The provider cannot revoke this grant; Syncline destroyed its own copy.";
            case FAILED -> sentence("Revoking the grant at the provider failed"
                    + (isBlank(event.detail()) ? "" : " (" + event.detail().strip() + ")")
                    + "; Syncline destroyed its own copy anyway");
        };
        log.append(new AuditEntry(eventId, position(token), event.accountId(), occurredAt, AuditType.GRANT_REVOKED.name(),
                actor(actor), cause, summary, details));
    }

    @EventHandler
    void on(AccountDisconnectedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        log.append(new AuditEntry(eventId, position(token), event.accountId(), occurredAt, AuditType.ACCOUNT_DISCONNECTED.name(),
                actor(actor), cause, "Disconnected the account; its tokens and data key were destroyed.", Map.of()));
    }

    @EventHandler
    void on(SyncStartedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        log.append(SyncAuditEntries.started(event, new Origin(eventId, position(token), occurredAt, actor, cause)));
    }

    @EventHandler
    void on(SyncResumedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        log.append(SyncAuditEntries.resumed(event, new Origin(eventId, position(token), occurredAt, actor, cause)));
    }

    @EventHandler
    void on(MessagesFetchedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        log.append(SyncAuditEntries.messagesFetched(event, new Origin(eventId, position(token), occurredAt, actor, cause)));
    }

    @EventHandler
    void on(CalendarItemsFetchedEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        log.append(SyncAuditEntries.calendarItemsFetched(event, new Origin(eventId, position(token), occurredAt, actor, cause)));
    }

    @EventHandler
    void on(SyncThrottledEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        log.append(SyncAuditEntries.throttled(event, new Origin(eventId, position(token), occurredAt, actor, cause)));
    }

    @EventHandler
    void on(SyncPageFailedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        log.append(SyncAuditEntries.pageFailed(event, new Origin(eventId, position(token), occurredAt, actor, cause)));
    }

    @EventHandler
    void on(SyncCursorExpiredEvent event, @MessageIdentifier String eventId, TrackingToken token,
            @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        log.append(SyncAuditEntries.cursorExpired(event, new Origin(eventId, position(token), occurredAt, actor, cause)));
    }

    @EventHandler
    void on(SyncPausedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        log.append(SyncAuditEntries.paused(event, new Origin(eventId, position(token), occurredAt, actor, cause)));
    }

    @EventHandler
    void on(SyncCompletedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        log.append(SyncAuditEntries.completed(event, new Origin(eventId, position(token), occurredAt, actor, cause)));
    }

    @EventHandler
    void on(SyncFailedEvent event, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant occurredAt,
            @MetaDataValue(value = "actor", required = false) String actor,
            @MetaDataValue(value = "cause", required = false) String cause) {
        log.append(SyncAuditEntries.failed(event, new Origin(eventId, position(token), occurredAt, actor, cause)));
    }

    @ResetHandler
    void reset() {
        log.clear();
    }

    /** The event's global position, which orders the timeline across aggregates. */
    static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("Tracking token without a position: " + token));
    }

    static String actor(String actor) {
        return isBlank(actor) ? SYSTEM : actor;
    }

    /**
     * The cause recorded by the command side, else the refresh or sync trigger in the same spelling, e.g.
     * {@code user-request} or {@code account-connected}.
     */
    static String cause(String cause, Enum<?> trigger) {
        if (!isBlank(cause) || trigger == null) {
            return cause;
        }
        return trigger.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<String> sorted(Collection<String> scopes) {
        return scopes == null ? List.of() : scopes.stream().sorted().toList();
    }

    private static void putIfPresent(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value instanceof Enum<?> e ? e.name() : value);
        }
    }

    private static String providerName(String provider) {
        return provider.charAt(0) + provider.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String when(Instant instant) {
        return instant == null ? "an unknown time" : WHEN.format(instant);
    }

    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
