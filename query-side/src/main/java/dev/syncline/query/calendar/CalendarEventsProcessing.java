package dev.syncline.query.calendar;

import dev.syncline.query.sealed.AccountSequencingPolicy;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link CalendarEventsProjection} with the events of each account in order. */
@Configuration(proxyBeanMethods = false)
public class CalendarEventsProcessing {

    @Bean
    ConfigurerModule calendarEventsSequencedPerAccount() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(CalendarEventsProjection.PROCESSING_GROUP, config -> AccountSequencingPolicy.INSTANCE);
    }
}
