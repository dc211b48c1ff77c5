package dev.syncline.api.session;

import dev.syncline.api.security.ActiveSessions;
import dev.syncline.command.session.SessionRegistry;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Answers the access-token check from the session registry, which is written with the session's events. */
@Component
class RegisteredSessions implements ActiveSessions {

    private final SessionRegistry registry;

    RegisteredSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean isActive(UUID sessionId) {
        return registry.isActive(sessionId.toString());
    }
}
