package dev.syncline.api.runtime;

import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Axon 4.13's JDBC and transaction auto-configurations order themselves after Spring Boot 3's class
 * names; on Boot 4 they run before the DataSource and its transaction manager exist, so their
 * {@code @ConditionalOnBean} checks fail and Axon silently falls back to no event store and no
 * transactions. They are excluded in {@code application.yml} and imported here, after Boot's JDBC
 * auto-configuration, so the event store, token store, saga store and dead-letter queue use PostgreSQL
 * and every unit of work runs in a Spring transaction (the vault row and its event commit together).
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = {NoOpTransactionAutoConfiguration.class, AxonAutoConfiguration.class})
@Import({TransactionAutoConfiguration.class, JdbcAutoConfiguration.class})
public class AxonJdbcAutoConfiguration {
}
