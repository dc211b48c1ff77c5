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
        SpringApplication.run(SynclineApplication.class, args);
    }
}
