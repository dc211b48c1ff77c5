package dev.syncline.messages.account;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Refresh the account's access token with its refresh token. Unless {@code force} is set, an account
 * whose token is still valid beyond the refresh buffer is left alone, so that many concurrent callers
 * cause at most one call to the provider.
 */
public record RefreshAccessTokenCommand(@TargetAggregateIdentifier String accountId, RefreshTrigger trigger, boolean force) {

    public RefreshAccessTokenCommand {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(trigger, "trigger");
    }
}
