package dev.syncline.api.runtime;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
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

    /**
     * Pooled streaming processors by default for every processing group; the starter registers handler
     * interceptor beans such as {@link dev.syncline.command.token.AccountCommandLock} on the command bus.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessorsByDefault() {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors();
    }
}
