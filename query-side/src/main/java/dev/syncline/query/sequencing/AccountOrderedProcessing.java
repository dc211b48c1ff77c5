package dev.syncline.query.sequencing;

import dev.syncline.query.calendar.CalendarEventsProjection;
import dev.syncline.query.messages.SyncedMessagesProjection;
import dev.syncline.query.syncstatus.SyncStatusProjection;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read models built from sync events handle each account's events in store order ({@link AccountSequencingPolicy}). */
@Configuration(proxyBeanMethods = false)
public class AccountOrderedProcessing {

    static final List<String> GROUPS = List.of(SyncStatusProjection.PROCESSING_GROUP,
            SyncedMessagesProjection.PROCESSING_GROUP, CalendarEventsProjection.PROCESSING_GROUP);

    @Bean
    ConfigurerModule accountOrderedReadModels() {
        return configurer -> GROUPS.forEach(group ->
                configurer.eventProcessing().registerSequencingPolicy(group, configuration -> AccountSequencingPolicy.INSTANCE));
    }
}
