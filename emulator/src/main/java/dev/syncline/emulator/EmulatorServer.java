package dev.syncline.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.syncline.emulator.control.ControlRoutes;
import dev.syncline.emulator.control.EmulatorControl;
import dev.syncline.emulator.http.RequestDispatcher;
import dev.syncline.emulator.http.RouteModule;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.http.WorkerPool;
import dev.syncline.emulator.oauth.GoogleOAuthRoutes;
import dev.syncline.emulator.oauth.MicrosoftOAuthRoutes;
import dev.syncline.emulator.state.EmulatorState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running emulator: one HTTP server that answers on the paths of Google's and Microsoft's
 * hosts, with shared per-provider state and a control API. Start it with
 * {@link #start(EmulatorConfig)}; close it when done.
 *
 * <pre>{@code
 * try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.forTests())) {
 *     String tokenUri = emulator.url("/token");
 *     emulator.control().revokeGrants(EmulatedProvider.GOOGLE, "ada@gmail.example");
 * }
 * }</pre>
 */
public final class EmulatorServer implements AutoCloseable {

    private final EmulatorConfig config;
    private final HttpServer server;
    private final ExecutorService workers;
    private final EmulatorControl control;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmulatorServer(EmulatorConfig config, HttpServer server, ExecutorService workers, EmulatorControl control) {
        this.config = config;
        this.server = server;
        this.workers = workers;
        this.control = control;
    }

    /**
     * Binds and starts the server; port 0 picks a free port (see {@link #port()}).
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static EmulatorServer start(EmulatorConfig config) {
        // Without TCP_NODELAY the JDK's server answers each small response only after the client's delayed
        // ACK, about 40 ms; a sync of thousands of calls would measure the wait, not the work.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the emulator to " + config.host() + ":" + config.port(), e);
        }
        // Bound first, so that the ID tokens' issuer (the base URL) knows the port even when 0 picked it.
        String baseUrl = baseUrl(config.host(), server.getAddress().getPort());
        Router router = new Router();
        EmulatorControl control;
        try {
            EmulatorState state = new EmulatorState(config);
            control = new EmulatorControl(state);
            routeModules(state, control, baseUrl).forEach(module -> module.register(router));
        } catch (RuntimeException e) {
            server.stop(0);
            throw e;
        }
        ExecutorService workers = WorkerPool.create(config.workerThreads());
        server.createContext("/", new RequestDispatcher(router));
        server.setExecutor(workers);
        server.start();
        return new EmulatorServer(config, server, workers, control);
    }

    /**
     * The feature modules, each adding its routes; the Gmail, Calendar and Graph APIs join this
     * list, sharing the same state.
     */
    private static List<RouteModule> routeModules(EmulatorState state, EmulatorControl control, String baseUrl) {
        return List.of(
                new ControlRoutes(control),
                new GoogleOAuthRoutes(state.provider(EmulatedProvider.GOOGLE),
                        OAuthEndpoints.of(EmulatedProvider.GOOGLE, baseUrl)),
                new MicrosoftOAuthRoutes(state.provider(EmulatedProvider.MICROSOFT),
                        OAuthEndpoints.of(EmulatedProvider.MICROSOFT, baseUrl)),
                state.gmail(),
                state.googleCalendar(),
                state.graph());
    }

    /** For example {@code http://127.0.0.1:8089}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl(config.host(), port());
    }

    private static String baseUrl(String bindHost, int port) {
        String host = bindHost;
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port;
    }

    /** The OAuth and OpenID Connect endpoints of one emulated provider on this server. */
    public OAuthEndpoints oauthEndpoints(EmulatedProvider provider) {
        return OAuthEndpoints.of(provider, baseUrl());
    }

    /** The base URL followed by the path, e.g. {@code url("/token")}. */
    public String url(String path) {
        return baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public EmulatorControl control() {
        return control;
    }

    public EmulatorConfig config() {
        return config;
    }

    /** Stops at once; requests in progress (a slow fault, say) are cut off. Safe to call twice. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            workers.shutdownNow();
        }
    }
}
