package dev.syncline.emulator.gmail;

import dev.syncline.emulator.mailbox.GeneratedAddress;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Header values as a mail client writes them: RFC 5322 addresses and dates. */
final class HeaderValues {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** Characters that force a display name into quotes (RFC 5322 specials). */
    private static final String SPECIALS = "()<>[]:;@\\,.\"";

    private HeaderValues() {
    }

    static String date(long epochMillis) {
        return DATE.format(Instant.ofEpochMilli(epochMillis));
    }

    static String addresses(List<GeneratedAddress> addresses) {
        return addresses.stream().map(HeaderValues::address).collect(Collectors.joining(", "));
    }

    /** {@code Ada Lovelace <ada@example.com>}, quoting the name when it holds specials. */
    static String address(GeneratedAddress address) {
        String name = address.name();
        if (name == null || name.isBlank() || name.equalsIgnoreCase(address.email())) {
            return address.email();
        }
        boolean quote = name.chars().anyMatch(c -> SPECIALS.indexOf(c) >= 0);
        String phrase = quote ? "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : name;
        return phrase + " <" + address.email() + ">";
    }
}
