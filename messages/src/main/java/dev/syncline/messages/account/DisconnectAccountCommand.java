package dev.syncline.messages.account;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Disconnect the account: revoke the grant at the provider where possible and destroy its secrets. */
public record DisconnectAccountCommand(@TargetAggregateIdentifier String accountId) {

    public DisconnectAccountCommand {
        Objects.requireNonNull(accountId, "accountId");
    }
}
