package dev.syncline.emulator.graph;

import java.util.List;
import java.util.function.Function;

/**
 * Graph's delta semantics over a {@link ChangeLog}: a round without a token lists what is there now; a
 * delta token starts a round with what changed since the previous round ended; a skip token continues a
 * round. A token of an older cursor generation (expired by the control API, or made before a re-seed)
 * answers 410 Gone.
 */
final class DeltaRounds {

    private DeltaRounds() {
    }

    /**
     * @param generation  the store's cursor generation now
     * @param sequence    the store's latest sequence number now, which ends a new round
     * @param expiredCode Graph's error code for an expired token here: {@code syncStateNotFound} for mail,
     *                    {@code resyncRequired} for the calendar
     */
    static <T> DeltaPage<T> page(ChangeLog log, String scope, int generation, long sequence, DeltaToken token,
                                 int pageSize, List<String> select, String expiredCode, Function<String, T> lookup) {
        if (token != null && (token.generation() != generation || !token.scope().equals(scope))) {
            throw GraphApiException.syncStateGone(expiredCode);
        }
        boolean initial = token == null || token.initial();
        long since = token == null ? 0 : token.since();
        long upTo = token == null || token.delta() ? sequence : token.upTo();
        long after = token == null ? 0 : token.after();
        List<String> kept = token == null ? select : token.select();
        ChangeLog.Slice slice = log.slice(after, upTo, initial, pageSize);
        List<DeltaPage.Entry<T>> entries = slice.changes().stream()
                .map(change -> change.removed()
                        ? new DeltaPage.Entry<T>(null, change)
                        : new DeltaPage.Entry<>(lookup.apply(change.id()), null))
                .toList();
        DeltaToken next = slice.more()
                ? DeltaToken.nextPage(scope, generation, initial, since, upTo, slice.last(), kept)
                : DeltaToken.nextRound(scope, generation, upTo, kept);
        return new DeltaPage<>(entries, next);
    }
}
