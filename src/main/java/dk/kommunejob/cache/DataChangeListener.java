package dk.kommunejob.cache;

import dk.kommunejob.outage.DatabaseOutage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on its own connection for the {@code jobs_data_changed} notifications that the triggers
 * of migration V6 send when a transaction that changed public data commits, whichever instance or
 * tool wrote it. Reconnects after a failure; until then nothing is cached.
 */
@ApplicationScoped
public class DataChangeListener {

    static final String CHANNEL = "jobs_data_changed";
    /** How long one wait for notifications lasts; between waits the connection is checked. */
    private static final int WAIT_MILLIS = 1000;

    private static final int CHECK_EVERY_MILLIS = 10_000;
    private static final long RETRY_MILLIS = 1000;

    @Inject
    DataVersion version;

    @Inject
    DatabaseOutage outage;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "data-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2 * WAIT_MILLIS);
    }

    private void run() {
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                version.watching(true);
                outage.back();
                listen(connection);
            } catch (SQLException e) {
                if (running) {
                    // Until it is back, nothing is cached: a change could go unseen.
                    outage.connectionLost(e);
                }
            }
            version.watching(false);
            pause();
        }
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                version.changed();
            } else if ((System.nanoTime() - checked) / 1_000_000 > CHECK_EVERY_MILLIS) {
                // A connection that died without a word (a cut network) is found here, not by waiting.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                // The database answers: an outage that requests met (a pool that ran dry) is over too.
                outage.back();
                checked = System.nanoTime();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "5");
        properties.setProperty("ApplicationName", "jobs data-change listener");
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        return connection;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
