package dev.syncline.messages.account;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider answered 401 to the access token that expires at {@code rejectedTokenExpiresAt}: refresh
 * it now, unless the stored token is already another one (a concurrent caller replaced it), in which case
 * nothing is done. Answers a {@link RefreshOutcome}.
 */
public record ReplaceRejectedAccessTokenCommand(@TargetAggregateIdentifier String accountId, Instant rejectedTokenExpiresAt) {

    public ReplaceRejectedAccessTokenCommand {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(rejectedTokenExpiresAt, "rejectedTokenExpiresAt");
    }
}
