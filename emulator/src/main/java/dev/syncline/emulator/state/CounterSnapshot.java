package dev.syncline.emulator.state;

import java.util.Map;

/**
 * Calls one provider's endpoints received since the last reset.
 *
 * @param tokenCallsByGrantType  token endpoint calls keyed by {@code grant_type} ("" when absent)
 * @param maxConcurrentTokenCalls the most token calls that were in progress at the same time
 * @param codesRedeemed          authorization codes exchanged for tokens; a relying party that exchanges
 *                               each code at most once never makes this exceed the codes it was given
 * @param idTokensIssued         ID tokens handed out, well-formed or spoiled by a queued fault
 */
public record CounterSnapshot(
        Map<String, Long> tokenCallsByGrantType,
        long authorizeCalls,
        long revokeCalls,
        long userInfoCalls,
        int maxConcurrentTokenCalls,
        long codesRedeemed,
        long idTokensIssued) {

    public CounterSnapshot {
        tokenCallsByGrantType = Map.copyOf(tokenCallsByGrantType);
    }

    public long tokenCalls(String grantType) {
        return tokenCallsByGrantType.getOrDefault(grantType, 0L);
    }

    public long totalTokenCalls() {
        return tokenCallsByGrantType.values().stream().mapToLong(Long::longValue).sum();
    }
}
