package dev.syncline.sagas.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.sync.ResetChannelSyncCommand;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.sagas.RecordingCommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

/** A disconnect makes both channels of the account forget their cursors. */
class ChannelResetOnDisconnectTest {

    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String ACCOUNT = "acc-3c9e5d1a";
    private static final String REASON = "The account was disconnected";

    private final RecordingCommandGateway commands = new RecordingCommandGateway();
    private final ChannelResetOnDisconnect reset = new ChannelResetOnDisconnect(commands);

    @Test
    void aDisconnectResetsBothChannelsOfTheAccount() {
        reset.on(new AccountDisconnectedEvent(ACCOUNT, WORKSPACE));

        assertThat(commands.commands()).containsExactly(
                new ResetChannelSyncCommand(SyncChannel.MAIL.streamIdFor(ACCOUNT), REASON),
                new ResetChannelSyncCommand(SyncChannel.CALENDAR.streamIdFor(ACCOUNT), REASON));
        assertThat(commands.messages()).allSatisfy(message -> assertThat(message.getMetaData())
                .isEqualTo(MetaData.with("actor", "system").and("cause", "account-disconnected")));
    }

    @Test
    void aChannelThatNeverSyncedIsSkipped() {
        commands.answering(ResetChannelSyncCommand.class, command -> {
            if (command.channelSyncId().equals(SyncChannel.MAIL.streamIdFor(ACCOUNT))) {
                throw new AggregateNotFoundException(command.channelSyncId(), "No channel sync with that id");
            }
            return null;
        });

        reset.on(new AccountDisconnectedEvent(ACCOUNT, WORKSPACE));

        assertThat(commands.commands()).hasSize(2)
                .last().isEqualTo(new ResetChannelSyncCommand(SyncChannel.CALENDAR.streamIdFor(ACCOUNT), REASON));
    }
}
