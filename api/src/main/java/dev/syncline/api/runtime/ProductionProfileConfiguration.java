package dev.syncline.api.runtime;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** What only the {@code prod} profile adds: the up-front check of its required settings. */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
public class ProductionProfileConfiguration {

    /** Static, so that it runs before any other bean of the context is even created. */
    @Bean
    static BeanFactoryPostProcessor productionSettingsCheck() {
        return new ProductionSettingsCheck();
    }
}
