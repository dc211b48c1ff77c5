package dev.syncline.command.token;

import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.TokenFingerprinter;
import dev.syncline.command.vault.VaultTokens;
import dev.syncline.messages.account.AccessTokenRefreshFailedEvent;
import dev.syncline.messages.account.AccessTokenRefreshedEvent;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.account.RefreshOutcome;
import dev.syncline.messages.account.RefreshTrigger;
import dev.syncline.providers.oauth.Backoff;
import dev.syncline.providers.oauth.RefreshedTokens;
import dev.syncline.providers.oauth.TokenEndpointClient;
import dev.syncline.providers.oauth.TokenEndpointException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Performs one refresh of an account's access token at the provider: a permanent refusal is one attempt
 * and ends in re-authorization; a transient failure is retried a few times with backoff and jitter, each
 * failed attempt recorded, and the last one names when the schedule will try again. A rotated refresh
 * token replaces the old one in the vault, in the same transaction as the event that records it.
 */
@Component
public class AccessTokenRefresher {

    private final CredentialVault vault;
    private final TokenFingerprinter fingerprinter;
    private final TokenEndpointClient tokenEndpoint;
    private final Backoff inlineBackoff;
    private final Backoff laterBackoff;
    private final Clock clock;

    /** The events to apply, in order, and the answer for the command's sender. */
    public record Result(List<Object> events, RefreshOutcome outcome) {
    }

    public AccessTokenRefresher(CredentialVault vault, TokenFingerprinter fingerprinter, TokenEndpointClient tokenEndpoint,
                                TokenSettings settings, Clock clock) {
        this.vault = vault;
        this.fingerprinter = fingerprinter;
        this.tokenEndpoint = tokenEndpoint;
        this.inlineBackoff = backoff(settings.transientRetry());
        this.laterBackoff = backoff(settings.laterRetry());
        this.clock = clock;
    }

    public Result refresh(AccountKey account, Provider provider, RefreshTrigger trigger, int earlierTransientFailures) {
        List<Object> events = new ArrayList<>();
        VaultTokens current = vault.load(account).orElse(null);
        if (current == null || current.refreshToken() == null) {
            return permanentFailure(events, account, provider, trigger,
                    new TokenEndpointException("no_refresh_token", "No refresh token is stored for this account", 0, null));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                RefreshedTokens refreshed = tokenEndpoint.refresh(provider, current.refreshToken(), current.scopes());
                String refreshToken = refreshed.rotated() ? refreshed.refreshToken() : current.refreshToken();
                vault.store(account, provider.id(), new VaultTokens(refreshed.accessToken(), refreshToken,
                        refreshed.accessTokenExpiresAt(), refreshed.scopes()));
                events.add(new AccessTokenRefreshedEvent(account.accountId(), fingerprinter.fingerprint(refreshed.accessToken()),
                        refreshed.accessTokenExpiresAt(), refreshed.rotated(), fingerprinter.fingerprint(refreshToken),
                        refreshed.scopes(), trigger));
                return new Result(events, RefreshOutcome.refreshed(refreshed.accessTokenExpiresAt()));
            } catch (TokenEndpointException e) {
                if (e.isPermanent()) {
                    return permanentFailure(events, account, provider, trigger, e);
                }
                boolean lastAttempt = attempt >= inlineBackoff.attempts();
                Instant nextAttemptAt = clock.instant().plus(lastAttempt
                        ? laterBackoff.delayAfter(earlierTransientFailures + 1, e.retryAfter())
                        : inlineBackoff.delayAfter(attempt, e.retryAfter()));
                events.add(new AccessTokenRefreshFailedEvent(account.accountId(), e.error(), e.description(), false, attempt,
                        nextAttemptAt, trigger));
                if (lastAttempt) {
                    return new Result(events, new RefreshOutcome(RefreshOutcome.Result.FAILED_TRANSIENT, null,
                            FailureWords.transientFailure(provider, e, nextAttemptAt)));
                }
                inlineBackoff.pause(attempt, e.retryAfter());
            }
        }
    }

    private Result permanentFailure(List<Object> events, AccountKey account, Provider provider, RefreshTrigger trigger,
                                    TokenEndpointException e) {
        String words = FailureWords.permanentFailure(provider, e);
        events.add(new AccessTokenRefreshFailedEvent(account.accountId(), e.error(), e.description(), true, 1, null, trigger));
        events.add(new ReauthorizationRequiredEvent(account.accountId(), words));
        return new Result(events, new RefreshOutcome(RefreshOutcome.Result.FAILED_PERMANENT, null, words));
    }

    private static Backoff backoff(TokenSettings.Retry retry) {
        return new Backoff(retry.attempts(), retry.initialBackoff(), retry.maxBackoff());
    }
}
