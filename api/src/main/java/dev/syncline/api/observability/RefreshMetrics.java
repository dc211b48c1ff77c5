package dev.syncline.api.observability;

import dev.syncline.messages.account.RefreshAccessTokenCommand;
import dev.syncline.messages.account.RefreshOutcome;
import dev.syncline.messages.account.ReplaceRejectedAccessTokenCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * {@code syncline.token.refreshes{provider, outcome}}: every refresh command by its {@link RefreshOutcome}
 * (refreshed, not_needed, failed_transient, failed_permanent) or {@code error} when it threw; the provider comes
 * from the account's id through {@code providerOf}.
 */
public final class RefreshMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;
    private final Function<String, String> providerOf;

    /** @param providerOf the account's provider (google, microsoft), "unknown" when it cannot say */
    public RefreshMetrics(MeterRegistry registry, Function<String, String> providerOf) {
        this.registry = registry;
        this.providerOf = providerOf;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String accountId = accountId(unitOfWork.getMessage().getPayload());
        if (accountId == null) {
            return chain.proceed();
        }
        AtomicReference<String> outcome = new AtomicReference<>("error");
        // Counted once the unit of work is over: the provider's lookup then runs outside the command's transaction,
        // which a failed query would otherwise spoil.
        unitOfWork.onCleanup(done -> Counter.builder("syncline.token.refreshes")
                .description("Access token refresh commands by outcome")
                .tags("provider", providerOf.apply(accountId), "outcome", outcome.get())
                .register(registry)
                .increment());
        Object result = chain.proceed();
        if (result instanceof RefreshOutcome refresh) {
            outcome.set(refresh.result().name().toLowerCase(Locale.ROOT));
        }
        return result;
    }

    private static String accountId(Object payload) {
        if (payload instanceof RefreshAccessTokenCommand refresh) {
            return refresh.accountId();
        }
        if (payload instanceof ReplaceRejectedAccessTokenCommand replace) {
            return replace.accountId();
        }
        return null;
    }
}
