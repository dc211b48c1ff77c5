package dev.syncline.query.messages;

import dev.syncline.query.sealed.AccountSequencingPolicy;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link SyncedMessagesProjection} with the events of each account in order. */
@Configuration(proxyBeanMethods = false)
public class SyncedMessagesProcessing {

    @Bean
    ConfigurerModule syncedMessagesSequencedPerAccount() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(SyncedMessagesProjection.PROCESSING_GROUP, config -> AccountSequencingPolicy.INSTANCE);
    }
}
