package dev.syncline.api.session;

import dev.syncline.command.session.SessionRegistry;
import dev.syncline.messages.session.RevokeSessionCommand;
import dev.syncline.messages.session.SessionEndReason;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Ends sessions: one (logout, or the user ending it from the list) or every session of a user (logout
 * everywhere, password change). The registry is written in the same transaction as the session events,
 * so a session started a moment ago is never missed.
 */
@Component
public class SessionRevoker {

    private final CommandGateway commands;
    private final SessionRegistry registry;

    public SessionRevoker(CommandGateway commands, SessionRegistry registry) {
        this.commands = commands;
        this.registry = registry;
    }

    public void revoke(UUID sessionId, SessionEndReason reason, UUID actor) {
        commands.sendAndWait(new RevokeSessionCommand(sessionId.toString(), reason), MetaData.with("actor", "user:" + actor));
    }

    /** Ends every active session of the user and answers how many there were. */
    public int revokeAll(UUID userId, SessionEndReason reason) {
        List<String> active = registry.activeSessionIds(userId.toString());
        active.forEach(sessionId -> commands.sendAndWait(new RevokeSessionCommand(sessionId, reason),
                MetaData.with("actor", "user:" + userId)));
        return active.size();
    }
}
