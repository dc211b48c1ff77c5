package dev.syncline.messages.session;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke a session and with it every refresh token of its family. A session that has ended already stays as it is. */
public record RevokeSessionCommand(@TargetAggregateIdentifier String sessionId, SessionEndReason reason) {

    public RevokeSessionCommand {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(reason, "reason");
    }
}
