package dk.kommunejob.organisation;

import dk.kommunejob.cache.DataVersion;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Every employer's public settings (its posting page, its website origins) in memory: a hundred employers are a
 * few kilobytes, and CORS asks on the event loop, where nothing may wait for the database. Read again after each
 * change to the data; a reader that renders an answer to keep reads them first if they are older than the
 * data it renders.
 */
@ApplicationScoped
public class EmployerSettings {

    private static final Logger LOG = Logger.getLogger(EmployerSettings.class);

    private record Snapshot(long generation, Map<Long, String> postingPages, Set<String> origins) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DataVersion version;

    private volatile Snapshot snapshot = new Snapshot(-1, Map.of(), Set.of());
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "employer-settings");
        thread.setDaemon(true);
        return thread;
    });

    void onStart(@Observes StartupEvent event) {
        version.onChange(this::refreshSoon);
        refreshSoon();
    }

    /** The employer's posting page template, when it has one of its own. */
    public Optional<String> postingPage(long employerId) {
        return Optional.ofNullable(current().postingPages().get(employerId));
    }

    /** Whether some employer lists this origin; from memory, never waiting (the event loop asks). */
    public boolean originListed(String origin) {
        return snapshot.origins().contains(origin);
    }

    /** Up to date with the data generation, read now if not (a worker thread asks). */
    private Snapshot current() {
        Snapshot s = snapshot;
        if (s.generation() == version.generation() && version.watched()) {
            return s;
        }
        refresh();
        return snapshot;
    }

    private void refreshSoon() {
        if (queued.compareAndSet(false, true)) {
            refresher.execute(() -> {
                queued.set(false);
                refresh();
            });
        }
    }

    private synchronized void refresh() {
        long generation = version.generation();
        if (snapshot.generation() == generation && version.watched()) {
            return;
        }
        Map<Long, String> pages = new HashMap<>();
        Set<String> origins = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, posting_page_url, website_origins FROM employer")) {
            while (rows.next()) {
                if (rows.getString(2) != null) {
                    pages.put(rows.getLong(1), rows.getString(2));
                }
                Array listed = rows.getArray(3);
                for (Object origin : (Object[]) listed.getArray()) {
                    origins.add((String) origin);
                }
            }
        } catch (SQLException e) {
            // The database is away: the settings last read hold until it is back.
            LOG.debugf("Employer settings not read: %s", e.getMessage());
            return;
        }
        snapshot = new Snapshot(generation, Map.copyOf(pages), Set.copyOf(origins));
    }
}
