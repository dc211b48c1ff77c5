package dev.syncline.emulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Runs the emulator as its own process:
 * {@code java -jar emulator/target/syncline-emulator-standalone.jar --port 8089}.
 * See {@link EmulatorOptions#USAGE} for the flags and environment variables.
 */
public final class EmulatorMain {

    /** A logback file of our own name: a plain logback.xml would hijack logging of apps that embed us. */
    private static final String LOGBACK_CONFIG = "syncline-emulator-logback.xml";

    private EmulatorMain() {
    }

    public static void main(String[] args) {
        if (EmulatorOptions.wantsHelp(args)) {
            System.out.print(EmulatorOptions.USAGE);
            return;
        }
        EmulatorOptions options;
        try {
            options = EmulatorOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(EmulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        // Must happen before the first logger exists, i.e. before logback reads its configuration.
        System.setProperty("EMULATOR_LOG_LEVEL", options.logLevel());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
        EmulatorServer server = start(options.toConfig());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "emulator-shutdown"));
    }

    /** Parses the flags and environment as {@link #main} does and starts; for tests and launchers. */
    public static EmulatorServer start(String[] args, Map<String, String> env) {
        return start(EmulatorOptions.parse(args, env).toConfig());
    }

    private static EmulatorServer start(EmulatorConfig config) {
        EmulatorServer server = EmulatorServer.start(config);
        Logger log = LoggerFactory.getLogger(EmulatorMain.class);
        log.info("Syncline emulator listening on {} (Google client {}, Microsoft client {})", server.baseUrl(),
                config.google().clientId(), config.microsoft().clientId());
        return server;
    }
}
