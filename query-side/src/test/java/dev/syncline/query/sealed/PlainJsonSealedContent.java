package dev.syncline.query.sealed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.syncline.messages.sync.CalendarItemsPageContent;
import dev.syncline.messages.sync.MessagesPageContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SealedContentReader} for tests: "sealed" content is plain JSON, and destroying an account's key
 * makes its content unopenable, as a disconnect does. The real cipher is tested with the vault.
 */
public final class PlainJsonSealedContent implements SealedContentReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Set<String> destroyedKeys = ConcurrentHashMap.newKeySet();

    /** The content as the test reader expects it in an event. */
    public static byte[] seal(Object content) {
        try {
            return JSON.writeValueAsBytes(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on the account's content no longer opens. */
    public void destroyKeyOf(String accountId) {
        destroyedKeys.add(accountId);
    }

    @Override
    public Optional<MessagesPageContent> openMessages(String workspaceId, String accountId, byte[] sealedContent) {
        return open(accountId, sealedContent, MessagesPageContent.class);
    }

    @Override
    public Optional<CalendarItemsPageContent> openCalendarItems(String workspaceId, String accountId, byte[] sealedContent) {
        return open(accountId, sealedContent, CalendarItemsPageContent.class);
    }

    private <T> Optional<T> open(String accountId, byte[] sealedContent, Class<T> type) {
        if (destroyedKeys.contains(accountId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(sealedContent, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
