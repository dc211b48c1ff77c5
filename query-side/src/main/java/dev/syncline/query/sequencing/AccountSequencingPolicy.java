package dev.syncline.query.sequencing;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Handles the events of one account in the order of the event store, whichever aggregate applied them: the
 * account's own ({@code ConnectedAccount}) and its channels' syncs ({@code <account>/mail}, {@code <account>/calendar}).
 * The default policy, one sequence per aggregate, would let a segment apply a sync event before the account event
 * that precedes it, for instance during a replay, or let a disconnect overtake the pages before it and delete rows
 * that those pages then write again. Events without an {@code accountId} keep one sequence per aggregate.
 */
public final class AccountSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    public static final AccountSequencingPolicy INSTANCE = new AccountSequencingPolicy();

    private static final ClassValue<Optional<Method>> ACCOUNT_ID = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null
                    ? Optional.empty()
                    : Arrays.stream(components)
                            .filter(component -> component.getName().equals("accountId") && component.getType() == String.class)
                            .map(RecordComponent::getAccessor)
                            .findFirst();
        }
    };

    private final SequencingPolicy<? super EventMessage<?>> fallback = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Optional<Method> accessor = payload == null ? Optional.empty() : ACCOUNT_ID.get(payload.getClass());
        if (accessor.isPresent()) {
            Object accountId = invoke(accessor.get(), payload);
            if (accountId != null) {
                return accountId;
            }
        }
        return fallback.getSequenceIdentifierFor(event);
    }

    private static Object invoke(Method accessor, Object payload) {
        try {
            return accessor.invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the account id of " + payload.getClass().getName(), e);
        }
    }
}
