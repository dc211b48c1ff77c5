package dev.syncline.api.sync;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.messages.sync.SyncChannel;
import java.util.Locale;

/** The four things Syncline syncs, each through its own provider API and SDK. */
enum SyncedChannel {
    GMAIL(EmulatedProvider.GOOGLE, SyncChannel.MAIL),
    GOOGLE_CALENDAR(EmulatedProvider.GOOGLE, SyncChannel.CALENDAR),
    OUTLOOK_MAIL(EmulatedProvider.MICROSOFT, SyncChannel.MAIL),
    OUTLOOK_CALENDAR(EmulatedProvider.MICROSOFT, SyncChannel.CALENDAR);

    final EmulatedProvider provider;
    final SyncChannel channel;

    SyncedChannel(EmulatedProvider provider, SyncChannel channel) {
        this.provider = provider;
        this.channel = channel;
    }

    String providerId() {
        return provider.name().toLowerCase(Locale.ROOT);
    }

    boolean isMail() {
        return channel == SyncChannel.MAIL;
    }
}
