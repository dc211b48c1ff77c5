package dev.syncline.command.session;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A registry write that fails must fail the command with it. Axon's default for an event handler logs the error
 * and carries on, which would commit a session the registry does not list (logout-all would miss it) or a
 * revocation that leaves it active.
 */
@Configuration(proxyBeanMethods = false)
public class SessionRegistryErrors {

    @Bean
    ConfigurerModule sessionRegistryFailsWithItsEvents() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                SessionRegistry.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
