package dev.syncline.command.vault.rotation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rewrap job ({@code syncline.vault.rewrap.*}).
 *
 * @param batchSize data keys moved per transaction
 */
@ConfigurationProperties("syncline.vault.rewrap")
public record RewrapProperties(@DefaultValue("100") int batchSize) {

    public RewrapProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("syncline.vault.rewrap.batch-size must be positive");
        }
    }
}
