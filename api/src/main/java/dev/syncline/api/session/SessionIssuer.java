package dev.syncline.api.session;

import dev.syncline.api.identity.TokenResponse;
import dev.syncline.api.identity.UserAccount;
import dev.syncline.api.security.AccessToken;
import dev.syncline.api.security.JwtService;
import dev.syncline.messages.session.LoginMethod;
import dev.syncline.messages.session.StartSessionCommand;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Starts a session for a person who has just proved who they are (by password or with Google or
 * Microsoft): a new refresh-token family, its first refresh token and an access token bound to it.
 */
@Component
public class SessionIssuer {

    private final CommandGateway commands;
    private final JwtService jwtService;
    private final SessionProperties properties;

    public SessionIssuer(CommandGateway commands, JwtService jwtService, SessionProperties properties) {
        this.commands = commands;
        this.jwtService = jwtService;
        this.properties = properties;
    }

    public TokenResponse start(UserAccount user, LoginMethod method, ClientDescription client) {
        UUID sessionId = UUID.randomUUID();
        RefreshToken refreshToken = RefreshToken.mint(sessionId);
        commands.sendAndWait(new StartSessionCommand(sessionId.toString(), user.id().toString(), user.workspaceId().toString(),
                        method, client.userAgent(), refreshToken.hash(), properties.idleTimeout(), properties.absoluteLifetime()),
                MetaData.with("actor", "user:" + user.id()).and("cause", "login:" + method.name().toLowerCase(Locale.ROOT)));
        return tokens(user, sessionId, refreshToken);
    }

    /** The answer to a login or a refresh: an access token of the session and its current refresh token. */
    TokenResponse tokens(UserAccount user, UUID sessionId, RefreshToken refreshToken) {
        AccessToken access = jwtService.issue(user.id(), user.workspaceId(), user.roles(), sessionId);
        return new TokenResponse(access.value(), "Bearer", access.expiresInSeconds(), refreshToken.value(), sessionId.toString());
    }
}
