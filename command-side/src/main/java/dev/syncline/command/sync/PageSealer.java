package dev.syncline.command.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.ContentSealer;
import dev.syncline.command.vault.DataKeyDestroyedException;
import dev.syncline.messages.sync.CalendarItemsPageContent;
import dev.syncline.messages.sync.MessagesPageContent;
import dev.syncline.messages.sync.SealedContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns a page's mail or calendar content into the sealed bytes an event carries, and back. The JSON
 * inside is sealed with the account's data key, bound to its workspace, account and purpose, so a
 * disconnect (which destroys the key) leaves the events' content unreadable.
 */
@Component
public class PageSealer {

    private final ContentSealer sealer;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public PageSealer(ContentSealer sealer) {
        this.sealer = sealer;
    }

    /** @throws DataKeyDestroyedException if the account was disconnected meanwhile */
    public byte[] seal(AccountKey account, MessagesPageContent content) {
        return sealer.seal(account, SealedContent.MAIL_PAGE.purpose(), write(content));
    }

    /** @throws DataKeyDestroyedException if the account was disconnected meanwhile */
    public byte[] seal(AccountKey account, CalendarItemsPageContent content) {
        return sealer.seal(account, SealedContent.CALENDAR_PAGE.purpose(), write(content));
    }

    /** The page's mail, or empty when the account's key was destroyed. */
    public Optional<MessagesPageContent> openMessages(AccountKey account, byte[] sealed) {
        return open(account, SealedContent.MAIL_PAGE, sealed, MessagesPageContent.class);
    }

    /** The page's calendar items, or empty when the account's key was destroyed. */
    public Optional<CalendarItemsPageContent> openCalendarItems(AccountKey account, byte[] sealed) {
        return open(account, SealedContent.CALENDAR_PAGE, sealed, CalendarItemsPageContent.class);
    }

    private <T> Optional<T> open(AccountKey account, SealedContent kind, byte[] sealed, Class<T> type) {
        try {
            return Optional.of(json.readValue(sealer.open(account, kind.purpose(), sealed), type));
        } catch (DataKeyDestroyedException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Sealed " + kind.purpose() + " of account " + account.accountId()
                    + " is not the JSON it should be", e);
        }
    }

    private byte[] write(Object content) {
        try {
            return json.writeValueAsBytes(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write page content as JSON", e);
        }
    }
}
