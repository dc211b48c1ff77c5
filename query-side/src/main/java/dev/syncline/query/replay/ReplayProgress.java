package dev.syncline.query.replay;

import java.time.Instant;
import java.util.List;

/**
 * The replay of one processing group as an administrator sees it.
 *
 * @param requestedAt  when the replay was asked for; null while {@code IDLE}
 * @param resetAt      when the tokens were reset and the replay began
 * @param finishedAt   when every segment had passed its old position, or when the replay failed
 * @param error        why the replay failed, in words
 * @param headPosition the global index of the newest event in the store; -1 when it is empty
 * @param percent      how far the slowest segment is towards the head, 100 when done
 */
public record ReplayProgress(
        String processingGroup,
        ReplayState state,
        Instant requestedAt,
        Instant resetAt,
        Instant finishedAt,
        String error,
        long headPosition,
        int percent,
        List<SegmentProgress> segments) {

    public ReplayProgress {
        segments = List.copyOf(segments);
    }
}
