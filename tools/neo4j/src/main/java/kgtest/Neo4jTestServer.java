package kgtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j (in-process harness) with Bolt on 127.0.0.1:PORT; blocks until killed.
 * Auth is disabled unless PASSWORD is given: then user "neo4j" has that password (for wrong-password tests).
 */
public final class Neo4jTestServer {
    private Neo4jTestServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Neo4jTestServer PORT [DATADIR [PASSWORD]]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dataDir = args.length > 1 && !args[1].isEmpty() ? Path.of(args[1]) : Files.createTempDirectory("neo4j-test-");
        String password = args.length > 2 ? args[2] : null;
        Files.createDirectories(dataDir);

        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(dataDir)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .withConfig(HttpConnector.enabled, false)
                .withConfig(HttpsConnector.enabled, false)
                .withConfig(GraphDatabaseSettings.auth_enabled, password != null)
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                // Netty's default 5 s quiet period (per event-loop group) makes SIGTERM take ~10 s.
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .withDisabledServer()
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                neo4j.close();
            } catch (Throwable t) {
                t.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        // The harness returns once the DBMS is started; make sure the default database answers.
        GraphDatabaseService db = neo4j.defaultDatabaseService();
        db.executeTransactionally("RETURN 1");
        if (password != null) {
            // Embedded access to the system database bypasses auth, so the password can be set here;
            // the parameter keeps the password out of the query text.
            try {
                neo4j.databaseManagementService().database("system").executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", java.util.Map.of("pw", password));
            } catch (RuntimeException e) {
                System.err.println("cannot set the password (Neo4j wants at least 8 characters): " + e.getMessage());
                System.exit(2);
            }
        }

        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }
}
