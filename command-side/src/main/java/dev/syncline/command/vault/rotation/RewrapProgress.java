package dev.syncline.command.vault.rotation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How far the rotation onto the active key-encryption key is: live counts of the data keys by version,
 * and the record of the last rewrap run (empty fields while none ever ran).
 *
 * @param state                  IDLE before any run; a RUNNING run whose node died reads as FAILED
 * @param activeKeyId            the version new writes use and the job moves keys to
 * @param total                  data keys in the vault now
 * @param remaining              data keys not yet on the active version now
 * @param keysByVersion          data keys per key-encryption key id now
 * @param retiredVersions        data keys per key id the key ring no longer holds: they cannot be opened
 * @param jobId                  the last run's id
 * @param node                   the process that ran it ({@code pid@host})
 * @param moved                  keys the last run moved
 * @param failed                 keys the last run could not open
 * @param failures               the first of those, by account
 * @param startedAt              when the last run started
 * @param finishedAt             when it ended, if it did
 * @param lastError              why it failed, in words
 */
public record RewrapProgress(
        RewrapState state,
        String activeKeyId,
        long total,
        long remaining,
        Map<String, Long> keysByVersion,
        Map<String, Long> retiredVersions,
        String jobId,
        String node,
        long moved,
        long failed,
        List<RewrapFailure> failures,
        Instant startedAt,
        Instant finishedAt,
        String lastError) {
}
