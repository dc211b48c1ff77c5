package dev.syncline.sagas.schedule;

import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.sync.ResetChannelSyncCommand;
import dev.syncline.messages.sync.SyncChannel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A disconnect deletes the account's synced rows, so its channels must forget their cursors: were it
 * connected again, an incremental sync from the old cursor would miss everything before it.
 */
@Component
@ProcessingGroup(ChannelResetOnDisconnect.PROCESSING_GROUP)
public class ChannelResetOnDisconnect {

    public static final String PROCESSING_GROUP = "sync-channel-reset";

    private final CommandGateway commands;

    public ChannelResetOnDisconnect(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(AccountDisconnectedEvent event) {
        for (SyncChannel channel : SyncChannel.values()) {
            try {
                commands.sendAndWait(new ResetChannelSyncCommand(channel.streamIdFor(event.accountId()), "The account was disconnected"),
                        MetaData.with("actor", "system").and("cause", "account-disconnected"));
            } catch (AggregateNotFoundException e) {
                // The channel never synced: there is nothing to forget.
            }
        }
    }
}
