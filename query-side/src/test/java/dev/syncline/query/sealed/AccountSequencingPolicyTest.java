package dev.syncline.query.sealed;

import static dev.syncline.query.sealed.ContentEvents.calendarPage;
import static dev.syncline.query.sealed.ContentEvents.completed;
import static dev.syncline.query.sealed.ContentEvents.mailPage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncKind;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class AccountSequencingPolicyTest {

    private static final String ACCOUNT = "acc-1";

    @Test
    void pagesCompletionsAndTheDisconnectOfAnAccountShareOneSequenceAcrossAggregates() {
        AccountSequencingPolicy policy = AccountSequencingPolicy.INSTANCE;

        List<Object> sequences = List.of(
                policy.getSequenceIdentifierFor(fromAggregate(SyncChannel.MAIL.streamIdFor(ACCOUNT),
                        mailPage(ACCOUNT, "s1", List.of(), List.of()))),
                policy.getSequenceIdentifierFor(fromAggregate(SyncChannel.CALENDAR.streamIdFor(ACCOUNT),
                        calendarPage(ACCOUNT, "s2", List.of(), List.of()))),
                policy.getSequenceIdentifierFor(fromAggregate(SyncChannel.MAIL.streamIdFor(ACCOUNT),
                        completed(ACCOUNT, SyncChannel.MAIL, "s1", SyncKind.FULL))),
                policy.getSequenceIdentifierFor(fromAggregate(ACCOUNT, new AccountDisconnectedEvent(ACCOUNT, "ws-1"))));

        assertThat(sequences).containsOnly(ACCOUNT);
    }

    @Test
    void otherEventsKeepTheSequenceOfTheirAggregate() {
        Object sequence = AccountSequencingPolicy.INSTANCE.getSequenceIdentifierFor(
                fromAggregate("aggregate-7", new AccountReconnectedEvent(ACCOUNT, "a@example.com", Set.of(), null)));

        assertThat(sequence).isEqualTo("aggregate-7");
        assertThat(AccountSequencingPolicy.INSTANCE.getSequenceIdentifierFor(GenericEventMessage.asEventMessage("plain"))).isNull();
    }

    private static GenericDomainEventMessage<Object> fromAggregate(String aggregateId, Object payload) {
        return new GenericDomainEventMessage<>("Aggregate", aggregateId, 0, payload);
    }
}
