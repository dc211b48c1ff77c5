package dev.syncline.api;

import dev.syncline.api.keys.RewrapKeysCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Syncline: connect Google and Microsoft accounts, keep their tokens fresh, sync mail and calendar. */
@SpringBootApplication(scanBasePackages = "dev.syncline")
@ConfigurationPropertiesScan("dev.syncline")
@EnableScheduling
public class SynclineApplication {

    /** Starts the application, or with {@code rewrap-keys} as first argument runs that command and exits. */
    public static void main(String[] args) {
        if (args.length > 0 && RewrapKeysCommand.NAME.equals(args[0])) {
            System.exit(RewrapKeysCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        disableAxonUpdateChecker();
        SpringApplication.run(SynclineApplication.class, args);
    }

    /**
     * Axon's update checker reads a JVM system property (not a Spring one) and would call out to the
     * internet on every start; an operator can still turn it on with -Daxoniq.update-checker.disabled=false.
     */
    static void disableAxonUpdateChecker() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
