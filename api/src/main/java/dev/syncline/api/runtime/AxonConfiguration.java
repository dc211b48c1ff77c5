package dev.syncline.api.runtime;

import dev.syncline.command.token.AccountCommandLock;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon wiring that the starter leaves to us. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Who did it and why travel from each command to the events it causes, for the audit trail. */
    @Bean
    CorrelationDataProvider actorAndCauseProvider() {
        return new SimpleCorrelationDataProvider("actor", "cause");
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Autowired
    void registerAccountLock(CommandBus commandBus, AccountCommandLock lock) {
        commandBus.registerHandlerInterceptor(lock);
    }

    @Autowired
    void usePooledProcessors(EventProcessingConfigurer processing) {
        processing.usingPooledStreamingEventProcessors();
    }
}
