package dev.syncline.command.token;

import dev.syncline.command.account.AccountNotActiveException;
import dev.syncline.messages.account.RefreshAccessTokenCommand;
import dev.syncline.messages.account.RefreshTrigger;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends a refresh for every account the schedule says is due. Safe on several nodes at once: the
 * command re-checks whether a refresh is still due under the account's lock, so a second node's command
 * finds the fresh token and does nothing.
 */
@Component
public class ScheduledRefresher {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRefresher.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    public ScheduledRefresher(JdbcClient jdbc, CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${syncline.tokens.schedule-poll-interval:30s}", initialDelayString = "${syncline.tokens.schedule-poll-interval:30s}")
    public void refreshDueAccounts() {
        List<String> due = jdbc.sql("""
                        SELECT account_id FROM token_refresh_schedule WHERE next_refresh_at <= :now
                        ORDER BY next_refresh_at LIMIT :limit""")
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", BATCH)
                .query(String.class)
                .list();
        for (String accountId : due) {
            try {
                commands.sendAndWait(new RefreshAccessTokenCommand(accountId, RefreshTrigger.SCHEDULE, false),
                        MetaData.with("actor", "system").and("cause", "schedule"));
            } catch (AccountNotActiveException e) {
                log.debug("Skipping scheduled refresh of account {}: {}", accountId, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Scheduled refresh of account {} failed: {}", accountId, e.getClass().getSimpleName());
            }
        }
    }
}
