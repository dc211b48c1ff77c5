package dev.syncline.command.vault.rotation;

import dev.syncline.command.vault.DataKeyStore;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * At start-up, names every key-encryption key version that data keys still use but the key ring no
 * longer holds: those accounts' tokens and sealed content cannot be opened until the version is put back.
 * Counts and key ids only, never key material.
 */
public class RetiredKeyVersionsCheck {

    private static final Logger log = LoggerFactory.getLogger(RetiredKeyVersionsCheck.class);

    private final DataKeyStore dataKeys;

    public RetiredKeyVersionsCheck(DataKeyStore dataKeys) {
        this.dataKeys = dataKeys;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStartup() {
        check();
    }

    /** Logs an ERROR if any data key is on a retired version, and answers the counts by retired version. */
    public Map<String, Long> check() {
        Map<String, Long> retired = dataKeys.countOnRetiredVersions();
        if (!retired.isEmpty()) {
            long rows = retired.values().stream().mapToLong(Long::longValue).sum();
            log.error("{} data key(s) are wrapped with key-encryption key version(s) {} that the key ring no longer holds"
                    + " ({}): their accounts' tokens and content cannot be opened. Put those versions back into the key"
                    + " ring, run the rewrap job, and only then retire them.", rows, retired.keySet(), retired);
        }
        return retired;
    }
}
