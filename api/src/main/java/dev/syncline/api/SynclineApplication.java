package dev.syncline.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Syncline: connect Google and Microsoft accounts, keep their tokens fresh, sync mail and calendar. */
@SpringBootApplication(scanBasePackages = "dev.syncline")
@ConfigurationPropertiesScan("dev.syncline")
@EnableScheduling
public class SynclineApplication {

    public static void main(String[] args) {
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
