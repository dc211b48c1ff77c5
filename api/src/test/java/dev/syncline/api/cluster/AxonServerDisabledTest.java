package dev.syncline.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.testing.StandaloneApplication;
import dev.syncline.api.testing.Users;
import dev.syncline.testing.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Axon Server connector is on the classpath for operators who route commands through Axon Server, and
 * off by default: the application starts on its local buses and PostgreSQL event store, and never opens a
 * connection to the Axon Server address it is given, not even when it handles commands.
 */
class AxonServerDisabledTest {

    @Test
    void withAxonServerOffTheApplicationRunsOnItsLocalBusesAndNeverConnects() throws IOException {
        TestDatabase database = TestDatabase.create("axon-server-off");
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket axonServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread listener = new Thread(() -> countConnections(axonServer, connections), "fake-axon-server");
            listener.setDaemon(true);
            listener.start();
            try (ConfigurableApplicationContext app = StandaloneApplication.startWithOwnSettings(database,
                    "--axon.axonserver.servers=127.0.0.1:" + axonServer.getLocalPort())) {
                // Logging in sends a command (the session starts) and the API reads through the query bus.
                Users.registerAndLogIn(StandaloneApplication.api(app), "local-buses");

                assertThat(app.getBeanNamesForType(AxonServerConnectionManager.class)).isEmpty();
                assertThat(app.getBean(CommandBus.class)).isNotInstanceOf(AxonServerCommandBus.class);
                assertThat(app.getBean(QueryBus.class)).isNotInstanceOf(AxonServerQueryBus.class);
                assertThat(app.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
            }
            assertThat(connections).hasValue(0);
        } finally {
            database.drop();
        }
    }

    private static void countConnections(ServerSocket server, AtomicInteger connections) {
        while (!server.isClosed()) {
            try (Socket ignored = server.accept()) {
                connections.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
