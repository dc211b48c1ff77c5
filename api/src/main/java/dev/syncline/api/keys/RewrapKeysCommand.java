package dev.syncline.api.keys;

import dev.syncline.api.runtime.EmbeddedPostgresConfiguration;
import dev.syncline.command.vault.VaultConfiguration;
import dev.syncline.command.vault.rotation.KeyRotation;
import dev.syncline.command.vault.rotation.KeyRotationConfiguration;
import dev.syncline.command.vault.rotation.RewrapAlreadyRunningException;
import dev.syncline.command.vault.rotation.RewrapFailure;
import dev.syncline.command.vault.rotation.RewrapProgress;
import dev.syncline.command.vault.rotation.RewrapState;
import java.io.PrintStream;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar syncline.jar rewrap-keys [--name=value …]}: runs the rewrap job to its end from the
 * command line, printing progress, and exits 0 when every data key is on the active key-encryption key.
 *
 * <p>It starts only what the job needs, with the application's configuration: the database (migrated
 * like at start-up, embedded by default), the key ring and the job. No web server, no Axon, no event
 * processors, no schedules: it never syncs, refreshes a token or takes a processor's segments.
 */
public final class RewrapKeysCommand {

    /** The first program argument that selects this command. */
    public static final String NAME = "rewrap-keys";
    /** Every data key is on the active version. */
    public static final int COMPLETED = 0;
    /** The job ran and failed; the output says why and names the accounts it could not open. */
    public static final int FAILED = 1;
    /** Another process runs the job now. */
    public static final int ALREADY_RUNNING = 2;
    /** The command could not start (no database, no key ring, …). */
    public static final int CANNOT_START = 3;

    private RewrapKeysCommand() {
    }

    /** Runs the job with the given {@code --name=value} settings and answers the exit status. */
    public static int run(String[] settings, PrintStream out) {
        ConfigurableApplicationContext context;
        try {
            context = start(settings);
        } catch (RuntimeException e) {
            out.println(NAME + ": cannot start: " + rootMessage(e));
            return CANNOT_START;
        }
        try (context) {
            KeyRotation rotation = context.getBean(KeyRotation.class);
            RewrapProgress before = rotation.progress();
            out.printf("%s: moving %d of %d data keys onto key-encryption key %s; keys by version %s%n",
                    NAME, before.remaining(), before.total(), before.activeKeyId(), before.keysByVersion());
            RewrapProgress after = rotation.run((moved, failed, remaining) ->
                    out.printf("%s: moved %d, could not open %d, %d left off the active version%n", NAME, moved, failed, remaining));
            return report(after, out);
        } catch (RewrapAlreadyRunningException e) {
            out.println(NAME + ": " + e.getMessage() + "; follow it at GET " + KeyRotationController.PATH + ".");
            return ALREADY_RUNNING;
        }
    }

    /** The command's application context: the database, the key ring and the job, nothing else. */
    static ConfigurableApplicationContext start(String[] settings) {
        return new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(settings);
    }

    private static int report(RewrapProgress progress, PrintStream out) {
        out.printf("%s: %s: moved %d data keys; keys by version now %s%n", NAME, progress.state(), progress.moved(),
                progress.keysByVersion());
        if (!progress.retiredVersions().isEmpty()) {
            out.printf("%s: data keys on versions the key ring no longer holds: %s%n", NAME, progress.retiredVersions());
        }
        for (RewrapFailure failure : progress.failures()) {
            out.printf("%s: could not open the data key of account %s (workspace %s, version %s): %s%n", NAME,
                    failure.accountId(), failure.workspaceId(), failure.keyEncryptionKeyId(), failure.reason());
        }
        if (progress.state() == RewrapState.COMPLETED) {
            return COMPLETED;
        }
        out.println(NAME + ": " + progress.lastError());
        return FAILED;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The command's only source; deliberately no {@code @Configuration}, so the application's component scan leaves it out. */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, FlywayAutoConfiguration.class})
    @Import({EmbeddedPostgresConfiguration.class, VaultConfiguration.class, KeyRotationConfiguration.class})
    static class Context {
    }
}
