package dev.syncline.api.accounts;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.command.account.AccountIds;
import dev.syncline.messages.account.ConnectAccountCommand;
import dev.syncline.messages.account.Provider;
import dev.syncline.providers.oauth.AuthorizationRequests;
import dev.syncline.providers.oauth.AuthorizationStart;
import dev.syncline.providers.oauth.ConnectedIdentity;
import dev.syncline.providers.oauth.TokenEndpointClient;
import dev.syncline.providers.oauth.TokenEndpointException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth authorization-code flow that connects a mail and calendar account: start (authorization URL
 * with a one-time state and PKCE) and callback (state check, code exchange, {@link ConnectAccountCommand}).
 * The callback needs the caller's access token too: the state must have been issued to the same user,
 * which is what keeps an attacker from connecting their mailbox to a victim's workspace or the reverse.
 */
@RestController
@Validated
@RequestMapping("/api/v1/accounts")
public class ConnectAccountController {

    private final ConnectStateStore states;
    private final AuthorizationRequests authorizationRequests;
    private final TokenEndpointClient tokenEndpoint;
    private final CommandGateway commands;
    private final String redirectBaseUrl;

    /** Optional body of the start call: which provider account to pre-select. */
    public record ConnectRequest(@Email @Size(max = 320) String loginHint) {
    }

    /** Where to send the user, and until when the flow can be completed. */
    public record ConnectStart(String authorizationUrl, String state, Instant expiresAt) {
    }

    /** The connected account. */
    public record Connected(String accountId, Provider provider, String email) {
    }

    public ConnectAccountController(ConnectStateStore states, AuthorizationRequests authorizationRequests,
                                    TokenEndpointClient tokenEndpoint, CommandGateway commands,
                                    @Value("${syncline.oauth.redirect-base-url:${syncline.public-base-url}}") String redirectBaseUrl) {
        this.states = states;
        this.authorizationRequests = authorizationRequests;
        this.tokenEndpoint = tokenEndpoint;
        this.commands = commands;
        this.redirectBaseUrl = redirectBaseUrl;
    }

    @PostMapping("/connect/{provider}")
    public ConnectStart start(@PathVariable("provider") String providerId,
                              @RequestBody(required = false) @Validated ConnectRequest request,
                              @AuthenticationPrincipal CurrentUser caller) {
        Provider provider = provider(providerId);
        String redirectUri = redirectBaseUrl + "/api/v1/accounts/callback/" + provider.id();
        String state = states.newState();
        AuthorizationStart start = authorizationRequests.begin(provider, redirectUri, state,
                request == null ? null : request.loginHint());
        states.purgeExpired();
        Instant expiresAt = states.remember(state, new ConnectStateStore.PendingConnect(caller.userId().toString(),
                caller.workspaceId().toString(), provider, redirectUri, start.codeVerifier()));
        return new ConnectStart(start.authorizationUrl(), state, expiresAt);
    }

    @GetMapping("/callback/{provider}")
    public ResponseEntity<Connected> callback(@PathVariable("provider") String providerId,
                                              @RequestParam(name = "code", required = false) String code,
                                              @RequestParam(name = "state", required = false) String state,
                                              @RequestParam(name = "error", required = false) String error,
                                              @AuthenticationPrincipal CurrentUser caller) {
        Provider provider = provider(providerId);
        ConnectStateStore.PendingConnect pending = states.consume(state, caller.userId().toString(), provider)
                .orElseThrow(() -> new ApiProblemException(ProblemType.OAUTH_STATE_INVALID,
                        "The state parameter is missing, unknown, already used, expired or was issued to someone else. Start the connection again."));
        if (error != null) {
            throw new ApiProblemException(ProblemType.AUTHORIZATION_DENIED,
                    provider.name() + " did not authorize the connection (" + sanitized(error) + ").");
        }
        if (code == null || code.isBlank()) {
            throw new ApiProblemException(ProblemType.BAD_REQUEST, "The callback carries no authorization code.");
        }
        ConnectedIdentity identity = exchange(provider, code, state, pending);
        String accountId = AccountIds.of(pending.workspaceId(), pending.userId(), provider, identity.providerUserId());
        commands.sendAndWait(new ConnectAccountCommand(accountId, pending.workspaceId(), pending.userId(), provider,
                        identity.providerUserId(), identity.email(), identity.tokens()),
                MetaData.with("actor", "user:" + caller.userId()).and("cause", "oauth-callback"));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId))
                .body(new Connected(accountId, provider, identity.email()));
    }

    private ConnectedIdentity exchange(Provider provider, String code, String state, ConnectStateStore.PendingConnect pending) {
        try {
            return tokenEndpoint.exchangeCode(provider, code, pending.redirectUri(), state, pending.codeVerifier());
        } catch (TokenEndpointException e) {
            if (e.isPermanent()) {
                throw new ApiProblemException(ProblemType.AUTHORIZATION_DENIED,
                        provider.name() + " refused the authorization code (" + e.error() + "). Start the connection again.");
            }
            throw new ApiProblemException(ProblemType.PROVIDER_UNAVAILABLE,
                    provider.name() + " could not be reached to complete the connection (" + e.error() + "). Start the connection again.",
                    Map.of("retryable", true));
        }
    }

    static Provider provider(String providerId) {
        return Provider.fromId(providerId).orElseThrow(() -> new ApiProblemException(ProblemType.NOT_FOUND,
                "Unknown provider '" + sanitized(providerId) + "'; use google or microsoft."));
    }

    private static String sanitized(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9_.-]", "");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
