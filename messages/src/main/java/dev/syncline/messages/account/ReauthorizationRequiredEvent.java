package dev.syncline.messages.account;

import org.axonframework.serialization.Revision;

/** The provider no longer honours the account's grant; the user must connect the account again. */
@Revision("1")
public record ReauthorizationRequiredEvent(String accountId, String reason) {
}
