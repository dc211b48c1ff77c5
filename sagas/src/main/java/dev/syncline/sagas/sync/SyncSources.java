package dev.syncline.sagas.sync;

import dev.syncline.messages.account.Provider;
import dev.syncline.providers.sync.CalendarSource;
import dev.syncline.providers.sync.MessageSource;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The provider adapters by provider, as the application configured them. */
@Component
public class SyncSources {

    private final Map<Provider, MessageSource> messages = new EnumMap<>(Provider.class);
    private final Map<Provider, CalendarSource> calendars = new EnumMap<>(Provider.class);

    public SyncSources(ObjectProvider<MessageSource> messageSources, ObjectProvider<CalendarSource> calendarSources) {
        messageSources.orderedStream().forEach(source -> messages.put(source.provider(), source));
        calendarSources.orderedStream().forEach(source -> calendars.put(source.provider(), source));
    }

    public MessageSource messages(Provider provider) {
        MessageSource source = messages.get(provider);
        if (source == null) {
            throw new IllegalStateException("No mail adapter is configured for " + provider);
        }
        return source;
    }

    public CalendarSource calendar(Provider provider) {
        CalendarSource source = calendars.get(provider);
        if (source == null) {
            throw new IllegalStateException("No calendar adapter is configured for " + provider);
        }
        return source;
    }
}
