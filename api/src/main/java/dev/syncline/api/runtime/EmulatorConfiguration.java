package dev.syncline.api.runtime;

import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.EmulatorServer;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default runs the provider emulator in-process, so that a newcomer can connect a "Google"
 * and a "Microsoft" account without registering OAuth clients anywhere.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "syncline.emulator.enabled", havingValue = "true")
public class EmulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmulatorConfiguration.class);

    @Bean(destroyMethod = "close")
    EmulatorServer emulatorServer(@Value("${syncline.emulator.port}") int port,
                                  @Value("${syncline.emulator.demo-mailboxes:true}") boolean demoMailboxes, Clock clock) {
        EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().withPort(port));
        if (demoMailboxes) {
            server.control().seedDemoMailboxes(clock.instant());
        }
        log.info("Provider emulator running at {} (Google and Microsoft endpoints; set SYNCLINE_EMULATOR_ENABLED=false for the real ones)",
                server.baseUrl());
        return server;
    }
}
