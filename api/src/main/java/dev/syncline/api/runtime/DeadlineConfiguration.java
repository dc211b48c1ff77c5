package dev.syncline.api.runtime;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Persistent deadlines: Axon's db-scheduler deadline manager on the application's PostgreSQL, so a
 * saga's retry, throttle wait or watchdog survives a restart and fires on exactly one node. Wired here
 * rather than by Axon's auto-configuration, which expects db-scheduler's Spring Boot starter.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    /** Lets the task find the deadline manager, which needs the scheduler, which needs the task. */
    private final AtomicReference<DbSchedulerDeadlineManager> deadlineManager = new AtomicReference<>();

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource,
                                @Value("${syncline.deadlines.poll-interval:1s}") Duration pollInterval,
                                @Value("${syncline.deadlines.threads:4}") int threads) {
        Task<DbSchedulerBinaryDeadlineDetails> task = DbSchedulerDeadlineManager.binaryTask(deadlineManager::get);
        return Scheduler.create(dataSource, task)
                .threads(threads)
                .pollingInterval(pollInterval)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    @Bean
    DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration configuration,
                                    @Qualifier("eventSerializer") Serializer serializer,
                                    TransactionManager transactionManager, DeadlineManagerSpanFactory spanFactory) {
        DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        deadlineManager.set(manager);
        return manager;
    }

    /**
     * Starts the scheduler after everything else (Axon's sagas must be ready to receive a deadline that
     * fell due while the application was down) and stops it first.
     */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 100;
            }
        };
    }
}
