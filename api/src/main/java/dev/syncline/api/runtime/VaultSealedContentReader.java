package dev.syncline.api.runtime;

import dev.syncline.command.sync.PageSealer;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.messages.sync.CalendarItemsPageContent;
import dev.syncline.messages.sync.MessagesPageContent;
import dev.syncline.query.sealed.SealedContentReader;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Lets the read side open the content that pages carry, without the query side depending on the vault:
 * the projections see only {@link SealedContentReader}; this is where it meets the account's data key.
 */
@Component
public class VaultSealedContentReader implements SealedContentReader {

    private final PageSealer sealer;

    public VaultSealedContentReader(PageSealer sealer) {
        this.sealer = sealer;
    }

    @Override
    public Optional<MessagesPageContent> openMessages(String workspaceId, String accountId, byte[] sealedContent) {
        return sealer.openMessages(new AccountKey(workspaceId, accountId), sealedContent);
    }

    @Override
    public Optional<CalendarItemsPageContent> openCalendarItems(String workspaceId, String accountId, byte[] sealedContent) {
        return sealer.openCalendarItems(new AccountKey(workspaceId, accountId), sealedContent);
    }
}
