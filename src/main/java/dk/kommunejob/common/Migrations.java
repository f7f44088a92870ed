package dk.kommunejob.common;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.util.Map;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway as the migrations need it. It serialises migrators with an advisory lock held in an open transaction by
 * default; a `CREATE INDEX CONCURRENTLY` (deploy/README.md: how indexes on big tables are built) waits for every
 * open transaction to end, so it would wait for that one forever. A session lock serialises the same.
 */
@Singleton
public class Migrations implements FlywayConfigurationCustomizer {

    public static final Map<String, String> SETTINGS = Map.of("flyway.postgresql.transactional.lock", "false");

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.configuration(SETTINGS);
    }
}
