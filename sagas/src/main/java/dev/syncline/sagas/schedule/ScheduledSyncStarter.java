package dev.syncline.sagas.schedule;

import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.StartSyncCommand;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncMode;
import dev.syncline.messages.sync.SyncTrigger;
import dev.syncline.sagas.sync.SyncSettings;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the syncs the schedule says are due. Each due row is claimed (moved one interval ahead) with
 * {@code FOR UPDATE SKIP LOCKED} before its command is sent, so nodes polling at once never start the
 * same channel twice; and a channel that is already syncing answers with its running sync anyway.
 */
@Component
public class ScheduledSyncStarter {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncStarter.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CommandGateway commands;
    private final SyncSettings settings;
    private final Clock clock;

    public ScheduledSyncStarter(JdbcClient jdbc, TransactionTemplate transactions, CommandGateway commands,
                                SyncSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${syncline.sync.schedule-poll-interval:5s}", initialDelayString = "${syncline.sync.schedule-poll-interval:5s}")
    public void startDueSyncs() {
        for (DueChannel due : claimDue()) {
            try {
                commands.sendAndWait(new StartSyncCommand(due.channel().streamIdFor(due.accountId()), due.accountId(),
                                due.workspaceId(), due.ownerId(), due.provider(), due.channel(), SyncMode.AUTO, due.trigger(),
                                UUID.randomUUID().toString()),
                        MetaData.with("actor", "system").and("cause", "sync-schedule"));
            } catch (RuntimeException e) {
                log.warn("Scheduled {} sync of account {} could not start: {}", due.channel().id(), due.accountId(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private List<DueChannel> claimDue() {
        Instant now = clock.instant();
        return transactions.execute(status -> jdbc.sql("""
                        WITH due AS (
                            SELECT account_id, channel, run_trigger FROM sync_schedule
                            WHERE NOT paused AND next_run_at <= :now
                            ORDER BY next_run_at LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        UPDATE sync_schedule s SET next_run_at = :next, run_trigger = 'SCHEDULE'
                        FROM due WHERE s.account_id = due.account_id AND s.channel = due.channel
                        RETURNING s.account_id, s.channel, s.workspace_id, s.owner_id, s.provider, due.run_trigger""")
                .param("now", Timestamp.from(now))
                .param("limit", BATCH)
                .param("next", Timestamp.from(now.plus(settings.interval())))
                .query((rs, row) -> new DueChannel(rs.getString("account_id"), SyncChannel.valueOf(rs.getString("channel")),
                        rs.getString("workspace_id"), rs.getString("owner_id"), Provider.valueOf(rs.getString("provider")),
                        SyncTrigger.valueOf(rs.getString("run_trigger"))))
                .list());
    }

    private record DueChannel(String accountId, SyncChannel channel, String workspaceId, String ownerId, Provider provider,
                              SyncTrigger trigger) {
    }
}
