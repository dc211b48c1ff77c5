package dev.syncline.command.sync;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A channel's stream gains an event per page, and each page event carries a page of sealed content; a
 * snapshot every {@value #EVENTS_BETWEEN_SNAPSHOTS} events keeps loading the aggregate cheap however large
 * the mailbox is.
 */
@Configuration(proxyBeanMethods = false)
public class ChannelSyncSnapshots {

    static final String TRIGGER = "channelSyncSnapshotTrigger";
    static final int EVENTS_BETWEEN_SNAPSHOTS = 20;

    @Bean(TRIGGER)
    SnapshotTriggerDefinition channelSyncSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
