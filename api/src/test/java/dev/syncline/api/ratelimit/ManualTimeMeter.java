package dev.syncline.api.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.Instant;

/** A wall clock for Bucket4j that a test moves by hand. */
public final class ManualTimeMeter implements TimeMeter {

    private long nanos;

    public ManualTimeMeter(Instant start) {
        this.nanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
    }

    public synchronized void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    @Override
    public synchronized long currentTimeNanos() {
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
