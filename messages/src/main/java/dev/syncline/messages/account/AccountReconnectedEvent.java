package dev.syncline.messages.account;

import java.util.Set;
import org.axonframework.serialization.Revision;

/** A person connected an account again; it keeps its identity and any failure state is cleared. */
@Revision("1")
public record AccountReconnectedEvent(String accountId, String email, Set<String> scopes, AccountStatus previousStatus) {
}
