package dev.syncline.query.sealed;

import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.SyncCompletedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Handles the events of one account in the order they were stored, across its aggregates, for the
 * projections of sealed content.
 *
 * <p>A page comes from the channel's sync aggregate ({@code acc/mail}), a disconnect from the account's
 * own aggregate; Axon's default policy sequences per aggregate, so the two could run in different segments
 * and a disconnect overtake the pages before it. It would then delete rows that those pages write again
 * afterwards, and on a replay of a disconnected and reconnected account delete the rows of the new
 * connection. Sequencing on the account id keeps them in order. Events that name no account keep the
 * default policy.
 */
public final class AccountSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    public static final AccountSequencingPolicy INSTANCE = new AccountSequencingPolicy();

    private AccountSequencingPolicy() {
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        String accountId = accountOf(event.getPayload());
        return accountId != null ? accountId : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }

    private static String accountOf(Object payload) {
        if (payload instanceof MessagesFetchedEvent event) {
            return event.accountId();
        }
        if (payload instanceof CalendarItemsFetchedEvent event) {
            return event.accountId();
        }
        if (payload instanceof SyncCompletedEvent event) {
            return event.accountId();
        }
        if (payload instanceof AccountDisconnectedEvent event) {
            return event.accountId();
        }
        return null;
    }
}
