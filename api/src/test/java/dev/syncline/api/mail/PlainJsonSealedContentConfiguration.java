package dev.syncline.api.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.syncline.messages.sync.CalendarItemsPageContent;
import dev.syncline.messages.sync.MessagesPageContent;
import dev.syncline.query.sealed.SealedContentReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For the API tests of the content read models: "sealed" content is plain JSON, which {@link SyncedContent}
 * writes. The application's own reader opens content with the vault; the cipher is tested there.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlainJsonSealedContentConfiguration {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Bean
    SealedContentReader plainJsonSealedContentReader() {
        return new SealedContentReader() {
            @Override
            public Optional<MessagesPageContent> openMessages(String workspaceId, String accountId, byte[] sealedContent) {
                return Optional.of(read(sealedContent, MessagesPageContent.class));
            }

            @Override
            public Optional<CalendarItemsPageContent> openCalendarItems(String workspaceId, String accountId, byte[] sealedContent) {
                return Optional.of(read(sealedContent, CalendarItemsPageContent.class));
            }
        };
    }

    private static <T> T read(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
