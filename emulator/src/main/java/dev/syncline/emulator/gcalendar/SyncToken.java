package dev.syncline.emulator.gcalendar;

import java.util.Optional;

/**
 * A {@code nextSyncToken}: "every change after change number {@code sequence}" of one calendar. The epoch
 * names the calendar's cursor generation; once the cursors expire (or the calendar is seeded anew) the
 * epoch changes and the token answers 410.
 */
record SyncToken(String epoch, long sequence) {

    private static final String KIND = "sync";

    String encode() {
        return OpaqueToken.pack(KIND, epoch, sequence);
    }

    static Optional<SyncToken> decode(String token) {
        return OpaqueToken.unpack(token, KIND, 2).flatMap(fields ->
                OpaqueToken.number(fields.get(1)).map(sequence -> new SyncToken(fields.get(0), sequence)));
    }
}
