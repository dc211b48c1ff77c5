package dev.syncline.api.cluster;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;

/**
 * Recognises PostgreSQL's unique_violation (SQLState 23505) when the event store appends: another command,
 * on this node or another, appended the aggregate's next event first. Axon then raises a
 * {@link org.axonframework.modelling.command.ConcurrencyException}, which the command gateway retries. Axon's
 * {@code JdbcSQLErrorCodesResolver} compares vendor error codes, which PostgreSQL leaves at 0, so with it the
 * collision surfaced as a plain {@code EventStoreException} that nothing retried.
 */
public final class UniqueViolationResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    private final SQLStateResolver sqlState = new SQLStateResolver(UNIQUE_VIOLATION);

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return sqlState.isDuplicateKeyViolation(exception);
    }
}
