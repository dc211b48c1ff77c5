package dev.syncline.command.vault.rotation;

import dev.syncline.command.vault.DataKeyStore;
import dev.syncline.command.vault.KeyRing;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires key rotation: the rewrap job, its lock and records, and the start-up check for retired versions. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RewrapProperties.class)
public class KeyRotationConfiguration {

    /**
     * The rewrap job's own thread. Shut down with interrupts, so that a job stops between batches when the
     * application stops, recorded as FAILED, and resumes when started again.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService keyRotationExecutor() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "key-rotation");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    KeyRotation keyRotation(DataKeyStore vaultDataKeyStore, KeyRing vaultKeyRing, DataSource dataSource,
                            PlatformTransactionManager transactionManager, ExecutorService keyRotationExecutor,
                            ObjectProvider<Clock> clock, RewrapProperties properties) {
        return new KeyRotation(vaultDataKeyStore, vaultKeyRing, new RewrapLock(dataSource),
                new RewrapJobRecords(JdbcClient.create(dataSource)), new TransactionTemplate(transactionManager),
                keyRotationExecutor, clock.getIfAvailable(Clock::systemUTC), properties.batchSize());
    }

    @Bean
    RetiredKeyVersionsCheck retiredKeyVersionsCheck(DataKeyStore vaultDataKeyStore) {
        return new RetiredKeyVersionsCheck(vaultDataKeyStore);
    }
}
