package dev.syncline.api.keys;

import dev.syncline.command.vault.DataKeyStore;
import dev.syncline.command.vault.KeyRing;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code keyRing}: DOWN while any data key is wrapped with a key-encryption key version
 * the key ring no longer holds, because those accounts can neither refresh, sync nor disconnect cleanly.
 * Details name versions and counts, never key material.
 */
@Component("keyRingHealthIndicator")
public class KeyRingHealthIndicator extends AbstractHealthIndicator {

    private final DataKeyStore dataKeys;
    private final KeyRing keyRing;

    public KeyRingHealthIndicator(DataKeyStore dataKeys, KeyRing keyRing) {
        super("The key ring check failed");
        this.dataKeys = dataKeys;
        this.keyRing = keyRing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> retired = dataKeys.countOnRetiredVersions();
        builder.withDetail("activeKeyId", keyRing.activeKeyId())
                .withDetail("keyIds", keyRing.keyIds())
                .withDetail("keysByVersion", dataKeys.countByKeyEncryptionKey());
        if (retired.isEmpty()) {
            builder.up();
        } else {
            builder.down()
                    .withDetail("retiredVersions", retired)
                    .withDetail("error", retired.values().stream().mapToLong(Long::longValue).sum()
                            + " data key(s) are wrapped with version(s) " + retired.keySet()
                            + " that the key ring no longer holds; put them back and run the rewrap job");
        }
    }
}
