package dev.syncline.sagas.sync;

import dev.syncline.messages.account.FindValidAccessTokenQuery;
import dev.syncline.messages.account.ValidAccessToken;
import java.util.function.Function;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;

/** A real Axon query gateway and bus whose only handler answers {@link FindValidAccessTokenQuery} as the test says. */
final class TokenQueries {

    private TokenQueries() {
    }

    static QueryGateway answering(Function<FindValidAccessTokenQuery, ValidAccessToken> answer) {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(FindValidAccessTokenQuery.class.getName(), ValidAccessToken.class,
                query -> answer.apply((FindValidAccessTokenQuery) query.getPayload()));
        return DefaultQueryGateway.builder().queryBus(bus).build();
    }
}
