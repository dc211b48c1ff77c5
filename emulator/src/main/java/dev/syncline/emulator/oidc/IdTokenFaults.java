package dev.syncline.emulator.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ID token faults waiting for the next ID tokens one provider issues, oldest first: each ID token
 * takes one occurrence. Guarded by the instance, because queueing and taking are rare and short.
 */
public final class IdTokenFaults {

    private final List<IdTokenFault> pending = new ArrayList<>();

    /** Makes the next {@code times} ID tokens (after those already queued) go wrong this way. */
    public synchronized void add(IdTokenFault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        for (int i = 0; i < times; i++) {
            pending.add(fault);
        }
    }

    /** Consumes the fault for the ID token being issued now, if one is queued. */
    public synchronized Optional<IdTokenFault> take() {
        return pending.isEmpty() ? Optional.empty() : Optional.of(pending.remove(0));
    }

    /** The faults still queued, one entry per ID token they will spoil. */
    public synchronized List<IdTokenFault> pending() {
        return List.copyOf(pending);
    }

    public synchronized void clear() {
        pending.clear();
    }
}
