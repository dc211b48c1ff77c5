package dev.syncline.messages.account;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Connect a provider account that completed the OAuth authorization-code flow, or re-authorize it
 * when it was connected before: the account id is derived from who connects which provider account,
 * so a second connection of the same mailbox reaches the same account.
 */
public record ConnectAccountCommand(
        @TargetAggregateIdentifier String accountId,
        String workspaceId,
        String ownerId,
        Provider provider,
        String providerUserId,
        String email,
        IssuedTokens tokens) {

    public ConnectAccountCommand {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerUserId, "providerUserId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(tokens, "tokens");
    }
}
