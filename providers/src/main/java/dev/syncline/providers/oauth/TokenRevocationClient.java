package dev.syncline.providers.oauth;

import dev.syncline.providers.metering.MeteredOAuthCalls;
import dev.syncline.providers.metering.ProviderCallListener;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.RevocationOutcome;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Revokes a grant at the provider with RFC 7009 semantics: the token travels in the form body (never in
 * the URL); 200 means revoked, also for a token that was already invalid; 503 and network failures are
 * retried a bounded number of times, honouring {@code Retry-After} up to a cap.
 */
public final class TokenRevocationClient {

    private static final Logger log = LoggerFactory.getLogger(TokenRevocationClient.class);

    private final OAuthClientRegistry registry;
    private final RestClient http;
    private final Backoff backoff;

    /** The outcome and, when it failed, why in words. */
    public record Result(RevocationOutcome outcome, String detail) {
    }

    public TokenRevocationClient(OAuthClientRegistry registry, Duration timeout, Backoff backoff) {
        this(registry, timeout, backoff, ProviderCallListener.NONE);
    }

    /** @param calls told of every call to a revocation endpoint */
    public TokenRevocationClient(OAuthClientRegistry registry, Duration timeout, Backoff backoff, ProviderCallListener calls) {
        this.registry = registry;
        this.http = ProviderHttp.restClient(timeout, new MeteredOAuthCalls(registry, calls));
        this.backoff = backoff;
    }

    public Result revoke(Provider provider, String token) {
        OAuthClientSettings client = registry.settings(provider);
        if (!client.supportsRevocation()) {
            return new Result(RevocationOutcome.NOT_SUPPORTED, provider.name() + " offers no revocation endpoint for this grant");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", token);
        form.add("token_type_hint", "refresh_token");
        form.add("client_id", client.clientId());
        form.add("client_secret", client.clientSecret());
        TokenEndpointException last = null;
        for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
            try {
                TokenEndpointClient.call(() -> http.post()
                        .uri(client.revocationUri())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(form)
                        .retrieve()
                        .toBodilessEntity());
                return new Result(RevocationOutcome.REVOKED, null);
            } catch (TokenEndpointException e) {
                if (e.httpStatus() == 400 && ("invalid_token".equals(e.error()) || "invalid_grant".equals(e.error()))) {
                    // Some servers answer 400 for a token that is already dead: for us it is revoked.
                    return new Result(RevocationOutcome.REVOKED, "the provider already considered the token invalid");
                }
                last = e;
                if (e.isPermanent() || attempt == backoff.attempts()) {
                    break;
                }
                log.info("Revocation at {} failed ({}), attempt {} of {}", provider.id(), e.error(), attempt, backoff.attempts());
                backoff.pause(attempt, e.retryAfter());
            }
        }
        return new Result(RevocationOutcome.FAILED, last == null ? "unknown" : last.getMessage());
    }
}
