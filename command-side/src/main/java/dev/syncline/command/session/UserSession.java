package dev.syncline.command.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
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
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A session of the app's own login: one refresh-token family, whose id is the session id. Each refresh rotates
 * the token; presenting a rotated one again revokes the family. It expires after its idle timeout or its absolute
 * lifetime, noticed on the next refresh or by a deadline, whichever comes first. Rejections are answers, so that
 * the events they record are stored. The stream grows with every refresh, so it is snapshotted.
 */
@Aggregate(snapshotTriggerDefinition = UserSessionSnapshots.TRIGGER)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class UserSession {

    /** Fires when the session may have reached a limit; it looks, and expires or waits for the next one. */
    static final String EXPIRY_DEADLINE = "user-session-expiry";

    @AggregateIdentifier
    private String sessionId;
    private String userId;
    private String workspaceId;
    private RefreshTokenChain tokens;
    private SessionLifetime lifetime;
    private SessionStatus status;

    protected UserSession() {
        // Axon rebuilds the aggregate from its snapshot and events.
    }

    @CommandHandler
    UserSession(StartSessionCommand command, Clock clock, DeadlineManager deadlines) {
        Instant now = clock.instant();
        SessionLifetime limits = SessionLifetime.startingAt(now, command.idleTimeout(), command.absoluteLifetime());
        apply(new SessionStartedEvent(command.sessionId(), command.userId(), command.workspaceId(), command.method(),
                command.userAgent(), command.refreshTokenHash(), now, limits.idleExpiresAt(), limits.absoluteExpiresAt()));
        // After the event: the deadline's scope names the aggregate by the identifier the event just set.
        deadlines.schedule(limits.nextLimit(), EXPIRY_DEADLINE);
    }

    /**
     * Answers every presented hash, known or not. A session that does not exist is created empty for the call and
     * stored nowhere: it answers {@code UNKNOWN_TOKEN} like a wrong hash, so a guess neither changes nor reveals anything.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SessionRefreshResult handle(RefreshSessionCommand command, Clock clock) {
        OptionalInt presented = sessionId == null ? OptionalInt.empty() : tokens.generationOf(command.presentedTokenHash());
        if (presented.isEmpty()) {
            return new SessionRefreshResult(SessionRefreshOutcome.UNKNOWN_TOKEN, null, null);
        }
        if (status != SessionStatus.ACTIVE) {
            // An ended family stays as it is: a rotated token presented now records no second reuse.
            return result(status == SessionStatus.REVOKED ? SessionRefreshOutcome.REVOKED : SessionRefreshOutcome.EXPIRED);
        }
        Instant now = clock.instant();
        if (expireIfDue(now)) {
            return result(SessionRefreshOutcome.EXPIRED);
        }
        int current = tokens.currentGeneration();
        if (presented.getAsInt() < current) {
            apply(new RefreshTokenReuseDetectedEvent(sessionId, userId, workspaceId, presented.getAsInt(), current,
                    command.userAgent(), now));
            apply(new SessionRevokedEvent(sessionId, userId, workspaceId, SessionEndReason.REFRESH_TOKEN_REUSED, now));
            return result(SessionRefreshOutcome.REUSE_DETECTED);
        }
        if (tokens.generationOf(command.successorTokenHash()).isPresent()) {
            throw new IllegalArgumentException("The successor of a refresh token must be a token the session never had");
        }
        apply(new SessionRefreshedEvent(sessionId, userId, workspaceId, current + 1, command.successorTokenHash(),
                command.userAgent(), now, lifetime.idleExpiryAfterUseAt(now)));
        return result(SessionRefreshOutcome.REFRESHED);
    }

    /** Ends an active session; one that ended already stays as it is, and one past a limit expires instead. */
    @CommandHandler
    void handle(RevokeSessionCommand command, Clock clock) {
        if (status != SessionStatus.ACTIVE) {
            return;
        }
        Instant now = clock.instant();
        if (!expireIfDue(now)) {
            apply(new SessionRevokedEvent(sessionId, userId, workspaceId, command.reason(), now));
        }
    }

    // Axon binds a handler's first parameter to the message's payload unless it is a message itself. This deadline
    // carries no payload, so the deadline message comes first.
    @DeadlineHandler(deadlineName = EXPIRY_DEADLINE)
    void expiryDue(DeadlineMessage<?> deadline, Clock clock, DeadlineManager deadlines) {
        if (status == SessionStatus.ACTIVE && !expireIfDue(clock.instant())) {
            // A refresh moved the idle limit after this deadline was set: wait for the new one. Nothing to cancel.
            deadlines.schedule(lifetime.nextLimit(), EXPIRY_DEADLINE);
        }
    }

    private boolean expireIfDue(Instant now) {
        Optional<SessionExpiry> reached = lifetime.reachedBy(now);
        reached.ifPresent(expiry -> apply(new SessionExpiredEvent(sessionId, userId, workspaceId, expiry,
                lifetime.instantOf(expiry))));
        return reached.isPresent();
    }

    private SessionRefreshResult result(SessionRefreshOutcome outcome) {
        return new SessionRefreshResult(outcome, userId, workspaceId);
    }

    @EventSourcingHandler
    void on(SessionStartedEvent event) {
        sessionId = event.sessionId();
        userId = event.userId();
        workspaceId = event.workspaceId();
        tokens = RefreshTokenChain.startingWith(event.refreshTokenHash());
        lifetime = SessionLifetime.of(event.startedAt(), event.idleExpiresAt(), event.absoluteExpiresAt());
        status = SessionStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(SessionRefreshedEvent event) {
        tokens = tokens.rotatedTo(event.refreshTokenHash());
        lifetime = lifetime.idleUntil(event.idleExpiresAt());
    }

    @EventSourcingHandler
    void on(SessionRevokedEvent event) {
        status = SessionStatus.REVOKED;
    }

    @EventSourcingHandler
    void on(SessionExpiredEvent event) {
        status = SessionStatus.EXPIRED;
    }
}
