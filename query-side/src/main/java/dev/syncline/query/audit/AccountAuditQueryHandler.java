package dev.syncline.query.audit;

import dev.syncline.messages.account.AuditEntryView;
import dev.syncline.messages.account.FindAccountAuditQuery;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers an account's audit timeline from the tables {@link AccountAuditProjection} keeps. */
@Component
public class AccountAuditQueryHandler {

    private final AuditLog log;

    public AccountAuditQueryHandler(DataSource dataSource) {
        this.log = new AuditLog(JdbcClient.create(dataSource));
    }

    /** The account's timeline oldest first; empty for an unknown account and for another owner's. */
    @QueryHandler
    public List<AuditEntryView> handle(FindAccountAuditQuery query) {
        return log.timeline(query.accountId(), query.workspaceId(), query.ownerId());
    }
}
