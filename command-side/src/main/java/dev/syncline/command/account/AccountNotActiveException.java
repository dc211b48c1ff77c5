package dev.syncline.command.account;

import dev.syncline.messages.account.AccountStatus;

/** A command needs an active account, and this one is waiting for re-authorization or disconnected. */
public class AccountNotActiveException extends IllegalStateException {

    public AccountNotActiveException(String accountId, AccountStatus status) {
        super("Account " + accountId + " is " + status + ": "
                + (status == AccountStatus.REAUTHORIZATION_REQUIRED ? "connect it again to re-authorize it" : "it was disconnected"));
    }
}
