package dev.syncline.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The command gateway of every node retries a command whose events another node's command beat to the
 * aggregate's next sequence number, a bounded number of times, and nothing else.
 */
class ConcurrencyConflictRetrySchedulerTest {

    private static final String COMMAND = "ChangeTheAggregate";
    private static final int RETRIES = 3;

    private final ConcurrencyConflictRetryScheduler retry =
            new ConcurrencyConflictRetryScheduler(new ClusterProperties.CommandRetry(RETRIES, Duration.ofMillis(1)));
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).retryScheduler(retry).build();
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stopRetries() {
        retry.close();
    }

    @Test
    void aCommandThatLostTheRaceForTheAggregateIsTriedAgainAndSucceeds() {
        bus.subscribe(String.class.getName(), command -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new ConcurrencyException("An event for aggregate [a] at sequence [7] was already inserted");
            }
            return "done";
        });

        assertThat((String) gateway.sendAndWait(COMMAND)).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aConflictWrappedByTheUnitOfWorkIsRecognisedByItsCause() {
        bus.subscribe(String.class.getName(), command -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("commit failed", new ConcurrencyException("sequence taken"));
            }
            return "done";
        });

        assertThat((String) gateway.sendAndWait(COMMAND)).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aCommandThatKeepsLosingFailsAfterTheConfiguredRetries() {
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("sequence taken");
        });

        assertThatThrownBy(() -> gateway.sendAndWait(COMMAND)).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(1 + RETRIES);
    }

    @Test
    void aCommandRejectedByABusinessRuleIsAnsweredAtOnce() {
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("account is disconnected");
        });

        assertThatThrownBy(() -> gateway.sendAndWait(COMMAND)).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
