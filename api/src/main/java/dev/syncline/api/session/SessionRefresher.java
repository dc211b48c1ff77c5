package dev.syncline.api.session;

import dev.syncline.api.identity.TokenResponse;
import dev.syncline.api.identity.UserAccount;
import dev.syncline.api.identity.UserStore;
import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.messages.session.RefreshSessionCommand;
import dev.syncline.messages.session.SessionRefreshResult;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rotates a refresh token: the session accepts its current token once and answers with the successor;
 * every other answer (unknown, reused, revoked, expired) is the same 401 for the client, so that a thief
 * learns nothing from it. The session records what happened.
 */
@Component
public class SessionRefresher {

    private static final Logger log = LoggerFactory.getLogger(SessionRefresher.class);
    static final String REJECTED = "The refresh token is not valid any more. Log in again.";

    private final CommandGateway commands;
    private final UserStore users;
    private final SessionIssuer issuer;

    public SessionRefresher(CommandGateway commands, UserStore users, SessionIssuer issuer) {
        this.commands = commands;
        this.users = users;
        this.issuer = issuer;
    }

    public TokenResponse refresh(String presented, ClientDescription client) {
        RefreshToken current = RefreshToken.parse(presented).orElseThrow(SessionRefresher::rejected);
        RefreshToken successor = RefreshToken.mint(current.sessionId());
        // Two nodes refreshing one session at once collide on the event store's sequence; the gateway's retry
        // (ConcurrencyConflictRetryScheduler) sends the loser again, and it then meets the rotated token: the
        // same answer (reuse) it would have had on one node.
        SessionRefreshResult result = commands.sendAndWait(new RefreshSessionCommand(current.sessionId().toString(),
                current.hash(), successor.hash(), client.userAgent()), MetaData.with("cause", "refresh"));
        if (!result.refreshed()) {
            log.info("Refresh of session {} rejected: {}", current.sessionId(), result.outcome());
            throw rejected();
        }
        // Roles are read again on every refresh, so a change of role reaches the next access token.
        Optional<UserAccount> user = users.findById(UUID.fromString(result.userId()));
        return issuer.tokens(user.orElseThrow(SessionRefresher::rejected), current.sessionId(), successor);
    }

    private static ApiProblemException rejected() {
        return new ApiProblemException(ProblemType.INVALID_REFRESH_TOKEN, REJECTED);
    }
}
