package dev.syncline.command.session;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A session gains an event per refresh, one every few minutes for as long as its client is in use, and a refresh
 * must load it quickly: a snapshot every {@value #EVENTS_BETWEEN_SNAPSHOTS} events keeps that load short however
 * long the session lives.
 */
@Configuration(proxyBeanMethods = false)
public class UserSessionSnapshots {

    static final String TRIGGER = "userSessionSnapshotTrigger";
    static final int EVENTS_BETWEEN_SNAPSHOTS = 50;

    @Bean(TRIGGER)
    SnapshotTriggerDefinition userSessionSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
