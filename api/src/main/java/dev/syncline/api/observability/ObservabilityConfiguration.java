package dev.syncline.api.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Logs and metrics around Axon's buses and processors: the message ids in the MDC, the request id as the trace of
 * what a request sends, and the message, refresh and sync meters. The interceptors are registered here by hand,
 * not as beans, because the starter would put an interceptor bean on every bus whose message type it accepts.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /** First of all filters, so that the security and rate-limit filters' lines carry the request id too. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    RecentHandlerFailures recentHandlerFailures(Clock clock) {
        return new RecentHandlerFailures(clock);
    }

    @Bean
    ConfigurerModule eventHandlerObservability(MeterRegistry registry, RecentHandlerFailures failures) {
        return configurer -> {
            configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, group) -> failures.recorder(group));
            configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, group) -> new MessageIdsInLogs("event"));
            configurer.eventProcessing().registerDefaultHandlerInterceptor(
                    (configuration, group) -> new HandledMessageMetrics(registry, "event", group));
        };
    }

    @Bean
    InitializingBean commandObservability(CommandBus commandBus, CommandGateway commandGateway, MeterRegistry registry,
                                          JdbcClient jdbc) {
        return () -> {
            commandGateway.registerDispatchInterceptor(new RequestTraceOnMessages<>());
            commandBus.registerHandlerInterceptor(new MessageIdsInLogs("command"));
            commandBus.registerHandlerInterceptor(new HandledMessageMetrics(registry, "command", "none"));
            commandBus.registerHandlerInterceptor(new RefreshMetrics(registry, accountId -> providerOf(jdbc, accountId)));
            commandBus.registerHandlerInterceptor(new SyncItemMetrics(registry));
        };
    }

    @Bean
    InitializingBean queryObservability(QueryBus queryBus, QueryGateway queryGateway, MeterRegistry registry) {
        return () -> {
            queryGateway.registerDispatchInterceptor(new RequestTraceOnMessages<>());
            queryBus.registerHandlerInterceptor(new MessageIdsInLogs("query"));
            queryBus.registerHandlerInterceptor(new HandledMessageMetrics(registry, "query", "none"));
        };
    }

    @Bean
    InitializingBean publishedEventObservability(EventBus eventBus, MeterRegistry registry) {
        return () -> eventBus.registerDispatchInterceptor(new PublishedEventMetrics(registry));
    }

    /** The account's provider from the accounts read model; a refresh of an account it does not show yet says "unknown". */
    private static String providerOf(JdbcClient jdbc, String accountId) {
        try {
            return jdbc.sql("SELECT provider FROM connected_account WHERE id = :id")
                    .param("id", accountId)
                    .query(String.class)
                    .optional()
                    .map(provider -> provider.toLowerCase(Locale.ROOT))
                    .orElse("unknown");
        } catch (DataAccessException e) {
            // A meter's tag is not worth failing anything for.
            return "unknown";
        }
    }
}
