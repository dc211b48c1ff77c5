package dev.syncline.command.token;

import dev.syncline.messages.account.ConnectAccountCommand;
import dev.syncline.messages.account.DisconnectAccountCommand;
import dev.syncline.messages.account.RefreshAccessTokenCommand;
import dev.syncline.messages.account.ReplaceRejectedAccessTokenCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single flight for an account's token work across every node: before the aggregate is loaded, the
 * command's transaction takes a PostgreSQL advisory lock on the account. A second refresh of the same
 * account waits, then loads the aggregate as the first one left it, sees a fresh token and does not call
 * the provider again. The aggregate's optimistic lock still guards the event stream; this lock keeps the
 * duplicate provider calls out. The lock ends with the transaction.
 */
@Component
public class AccountCommandLock implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcClient jdbc;

    public AccountCommandLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String accountId = accountIdOf(unitOfWork.getMessage().getPayload());
        if (accountId != null) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", "syncline:account:" + accountId)
                    .query()
                    .singleRow();
        }
        return chain.proceed();
    }

    private static String accountIdOf(Object payload) {
        if (payload instanceof RefreshAccessTokenCommand command) {
            return command.accountId();
        }
        if (payload instanceof ConnectAccountCommand command) {
            return command.accountId();
        }
        if (payload instanceof ReplaceRejectedAccessTokenCommand command) {
            return command.accountId();
        }
        if (payload instanceof DisconnectAccountCommand command) {
            return command.accountId();
        }
        return null;
    }
}
