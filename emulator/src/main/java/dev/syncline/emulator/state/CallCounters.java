package dev.syncline.emulator.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Counts calls per endpoint of one provider, and the peak of concurrent token calls: the number
 * a test needs to prove that two workers never refresh the same grant at once.
 */
public final class CallCounters {

    private final ConcurrentMap<String, LongAdder> tokenCalls = new ConcurrentHashMap<>();
    private final LongAdder authorizeCalls = new LongAdder();
    private final LongAdder revokeCalls = new LongAdder();
    private final LongAdder userInfoCalls = new LongAdder();
    private final LongAdder codesRedeemed = new LongAdder();
    private final LongAdder idTokensIssued = new LongAdder();
    private final AtomicInteger tokenCallsInProgress = new AtomicInteger();
    private final AtomicInteger maxConcurrentTokenCalls = new AtomicInteger();

    /** Call before handling a token request, and {@link #tokenCallFinished()} in a finally. */
    public void tokenCallStarted(String grantType) {
        tokenCalls.computeIfAbsent(grantType == null ? "" : grantType, g -> new LongAdder()).increment();
        int now = tokenCallsInProgress.incrementAndGet();
        maxConcurrentTokenCalls.accumulateAndGet(now, Math::max);
    }

    public void tokenCallFinished() {
        tokenCallsInProgress.decrementAndGet();
    }

    public void authorizeCalled() {
        authorizeCalls.increment();
    }

    public void revokeCalled() {
        revokeCalls.increment();
    }

    public void userInfoCalled() {
        userInfoCalls.increment();
    }

    /** An authorization code was exchanged for tokens (a refused exchange does not count). */
    public void codeRedeemed() {
        codesRedeemed.increment();
    }

    public void idTokenIssued() {
        idTokensIssued.increment();
    }

    public CounterSnapshot snapshot() {
        Map<String, Long> byGrantType = tokenCalls.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
        return new CounterSnapshot(byGrantType, authorizeCalls.sum(), revokeCalls.sum(), userInfoCalls.sum(),
                maxConcurrentTokenCalls.get(), codesRedeemed.sum(), idTokensIssued.sum());
    }

    /** Zeroes the counts; the peak restarts from the calls still in progress. */
    public void reset() {
        tokenCalls.clear();
        authorizeCalls.reset();
        revokeCalls.reset();
        userInfoCalls.reset();
        codesRedeemed.reset();
        idTokensIssued.reset();
        maxConcurrentTokenCalls.set(tokenCallsInProgress.get());
    }
}
