package dev.syncline.messages.account;

import org.axonframework.serialization.Revision;

/** Syncline asked the provider to revoke the account's grant while disconnecting it. */
@Revision("1")
public record GrantRevokedEvent(String accountId, RevocationOutcome outcome, String detail) {
}
