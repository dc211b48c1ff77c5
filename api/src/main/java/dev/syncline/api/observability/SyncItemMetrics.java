package dev.syncline.api.observability;

import dev.syncline.messages.sync.RecordCalendarItemsPageCommand;
import dev.syncline.messages.sync.RecordMessagesPageCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * {@code syncline.sync.items{kind}}: the items (kind {@code messages} or {@code calendar_items}) of every fetched
 * page recorded, upserts and removals, counted once the page's command succeeded, so that a page retried after a
 * failure counts once.
 */
public final class SyncItemMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Counter messages;
    private final Counter calendarItems;

    public SyncItemMetrics(MeterRegistry registry) {
        this.messages = counter(registry, "messages");
        this.calendarItems = counter(registry, "calendar_items");
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        Object result = chain.proceed();
        if (payload instanceof RecordMessagesPageCommand page) {
            unitOfWork.afterCommit(u -> messages.increment(page.page().upserted().size() + page.page().removed().size()));
        } else if (payload instanceof RecordCalendarItemsPageCommand page) {
            unitOfWork.afterCommit(u -> calendarItems.increment(page.page().upserted().size() + page.page().removed().size()));
        }
        return result;
    }

    private static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder("syncline.sync.items")
                .description("Synced items recorded, by kind")
                .tag("kind", kind)
                .register(registry);
    }
}
