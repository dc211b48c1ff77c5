package dev.syncline.query.sequencing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncPausedEvent;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class AccountSequencingPolicyTest {

    private static final String ACCOUNT = "acc-1";
    private static final String MAIL = SyncChannel.MAIL.streamIdFor(ACCOUNT);

    private final AccountSequencingPolicy policy = new AccountSequencingPolicy();

    @Test
    void anAccountsOwnEventsAndItsChannelsSyncEventsShareOneSequence() {
        Object connected = policy.getSequenceIdentifierFor(domainEvent("ConnectedAccount", ACCOUNT,
                new AccountConnectedEvent(ACCOUNT, "ws", "owner", Provider.GOOGLE, "sub", "a@example.com", Set.of())));
        Object reauthorization = policy.getSequenceIdentifierFor(domainEvent("ConnectedAccount", ACCOUNT,
                new ReauthorizationRequiredEvent(ACCOUNT, "invalid_grant")));
        Object paused = policy.getSequenceIdentifierFor(domainEvent("ChannelSync", MAIL,
                new SyncPausedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, "sync-1", "invalid_grant")));

        assertThat(connected).isEqualTo(ACCOUNT).isEqualTo(reauthorization).isEqualTo(paused);
    }

    @Test
    void anEventWithoutAnAccountKeepsItsAggregatesSequence() {
        assertThat(policy.getSequenceIdentifierFor(domainEvent("Other", "agg-7", new Unrelated("x")))).isEqualTo("agg-7");
    }

    @Test
    void aPlainEventWithAnAccountIsSequencedByItsAccount() {
        EventMessage<?> event = GenericEventMessage.asEventMessage(new ReauthorizationRequiredEvent(ACCOUNT, "x"));

        assertThat(policy.getSequenceIdentifierFor(event)).isEqualTo(ACCOUNT);
    }

    private static EventMessage<?> domainEvent(String type, String aggregateId, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregateId, 0, payload);
    }

    private record Unrelated(String value) {
    }
}
