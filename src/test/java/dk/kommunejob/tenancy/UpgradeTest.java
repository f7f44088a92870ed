package dk.kommunejob.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The upgrade to tenants (V9) on a database of the release before: existing keys keep the meaning closest to
 * what they had. Runs the real migrations in a schema of its own.
 */
class UpgradeTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String SCHEMA = "jobs_upgrade_test";

    @Test
    void oneEmployersKeysKeepWhatTheyMayDo() throws SQLException {
        Flyway before = flyway("8");
        before.clean();
        before.migrate();
        sql(
                """
                INSERT INTO employer (id, name, street, postal_code, city, phone) VALUES (1, 'Albertslund Kommune',
                    'Nordmarks Allé 1', '2620', 'Albertslund', '+4543686868');
                INSERT INTO agency (id, name) VALUES (1, 'MUUSMANN'), (2, 'Genitor');
                INSERT INTO api_client (id, name, role, agency_id, key_hash, bootstrap, created_at) VALUES
                    (1, 'Bootstrap editor', 'editor', NULL, 'h1', true, now()),
                    (2, 'Website editor', 'editor', NULL, 'h2', false, now()),
                    (3, 'MUUSMANN portal', 'agency', 1, 'h3', false, now() - interval '90 days'),
                    (4, 'Genitor portal', 'agency', 2, 'h4', false, now());
                INSERT INTO position (id, slug, employer_id, agency_id, title, status, created_at, updated_at)
                    VALUES (1, 'skoleleder-1', 1, 1, 'Skoleleder', 'draft', now() - interval '60 days', now());
                INSERT INTO change_event (position_id, agency_id, kind, public, at) VALUES (1, 1, 'created', false, now());
                """);
        flyway(null).migrate();

        assertEquals(
                List.of("1 admin null", "2 editor 1", "3 agency null", "4 agency null"),
                rows(
                        "SELECT id || ' ' || role || ' ' || coalesce(employer_id::text, 'null') FROM api_client ORDER BY id"));
        // MUUSMANN from its first posting, Genitor (no postings) from its key: both open-ended, with the one employer.
        assertEquals(
                List.of("1 1 " + day("now() - interval '60 days'") + " null", "1 2 " + day("now()") + " null"),
                rows(
                        """
                        SELECT employer_id || ' ' || agency_id || ' ' || starts_on || ' ' || coalesce(ends_on::text, 'null')
                        FROM engagement ORDER BY agency_id"""));
        assertEquals(List.of("1"), rows("SELECT employer_id::text FROM change_event"));
        // The previous release's events, written without the employer, get it from the position.
        sql(
                "INSERT INTO change_event (position_id, agency_id, kind, public, at) VALUES (1, 1, 'updated', false, now())");
        assertEquals(List.of("1", "1"), rows("SELECT employer_id::text FROM change_event"));
        flyway(null).clean();
    }

    @Test
    void editorsOfManyEmployersBecomeAdmins() throws SQLException {
        Flyway before = flyway("8");
        before.clean();
        before.migrate();
        sql(
                """
                INSERT INTO employer (id, name, street, postal_code, city, phone) VALUES
                    (1, 'A Kommune', 'Vej 1', '2620', 'A', '+4543686868'), (2, 'B Kommune', 'Vej 2', '2600', 'B', '+4543686868');
                INSERT INTO api_client (id, name, role, key_hash, created_at) VALUES (2, 'Editor', 'editor', 'h2', now());
                """);
        flyway(null).migrate();
        assertEquals(List.of("2 admin"), rows("SELECT id || ' ' || role FROM api_client"));
        flyway(null).clean();
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure()
                .dataSource(URL, "postgres", null)
                .schemas(SCHEMA)
                .cleanDisabled(false)
                .locations("classpath:db/migration")
                .configuration(dk.kommunejob.common.Migrations.SETTINGS);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static String day(String expression) throws SQLException {
        return rows("SELECT (" + expression + ")::date::text").get(0);
    }

    private static void sql(String statements) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }

    private static List<String> rows(String query) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(r.getString(1));
            }
            return rows;
        }
    }

    private static Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(URL + "?currentSchema=" + SCHEMA, "postgres", null);
        return c;
    }
}
