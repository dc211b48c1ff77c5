package dev.syncline.api.ratelimit;

import io.github.bucket4j.TimeMeter;

/** The two homes of rate-limit buckets, each the real thing, for tests that must pass on both. */
public enum BucketStore {

    IN_PROCESS {
        @Override
        public RateLimitBuckets open(String keyPrefix, TimeMeter clock) {
            return RateLimitBuckets.inProcess(1_000, keyPrefix, clock);
        }
    },
    REDIS {
        @Override
        public RateLimitBuckets open(String keyPrefix, TimeMeter clock) {
            return RateLimitBuckets.redis(LocalRedis.URI, keyPrefix, 1_000, RateLimitBuckets.REDIS_RETRY_AFTER, clock);
        }
    };

    public abstract RateLimitBuckets open(String keyPrefix, TimeMeter clock);
}
