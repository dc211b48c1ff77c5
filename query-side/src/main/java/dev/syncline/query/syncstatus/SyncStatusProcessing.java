package dev.syncline.query.syncstatus;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event processing the {@code sync-status} group needs beyond the defaults: one sequence per account. */
@Configuration(proxyBeanMethods = false)
public class SyncStatusProcessing {

    @Bean
    ConfigurerModule syncStatusSequencedPerAccount() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(SyncStatusProjection.PROCESSING_GROUP, configuration -> new AccountSequencingPolicy());
    }
}
