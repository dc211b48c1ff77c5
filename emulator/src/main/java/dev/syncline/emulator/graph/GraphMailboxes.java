package dev.syncline.emulator.graph;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The mailboxes of the emulated Graph, by lower-case email, made on first use (an empty mailbox with
 * its well-known folders), and the throttling settings that apply to each of them.
 */
final class GraphMailboxes {

    private final ConcurrentMap<String, GraphMailbox> byEmail = new ConcurrentHashMap<>();
    private final AtomicReference<ThrottleSettings> throttling = new AtomicReference<>(ThrottleSettings.outlookDefaults());

    GraphMailbox of(String email) {
        return byEmail.computeIfAbsent(email.trim().toLowerCase(Locale.ROOT), GraphMailbox::new);
    }

    ThrottleSettings throttling() {
        return throttling.get();
    }

    ThrottleSettings updateThrottling(UnaryOperator<ThrottleSettings> change) {
        return throttling.updateAndGet(change);
    }

    void reset() {
        byEmail.clear();
        throttling.set(ThrottleSettings.outlookDefaults());
    }
}
