package dk.kommunejob.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kommunejob.SchemaOfItsOwn;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The upgrade to tenants (V9) on a database of the release before: existing keys keep the meaning closest to
 * what they had. Runs the real migrations in a schema of its own.
 */
class UpgradeTest {

    private static final SchemaOfItsOwn DB = new SchemaOfItsOwn("jobs_upgrade_test");

    @Test
    void oneEmployersKeysKeepWhatTheyMayDo() throws SQLException {
        Flyway before = DB.flyway("8");
        before.clean();
        before.migrate();
        DB.sql(
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
        DB.flyway(null).migrate();

        assertEquals(
                List.of("1 admin null", "2 editor 1", "3 agency null", "4 agency null"),
                DB.rows(
                        "SELECT id || ' ' || role || ' ' || coalesce(employer_id::text, 'null') FROM api_client ORDER BY id"));
        // MUUSMANN from its first posting, Genitor (no postings) from its key: both open-ended, with the one employer.
        assertEquals(
                List.of("1 1 " + day("now() - interval '60 days'") + " null", "1 2 " + day("now()") + " null"),
                DB.rows(
                        """
                        SELECT employer_id || ' ' || agency_id || ' ' || starts_on || ' ' || coalesce(ends_on::text, 'null')
                        FROM engagement ORDER BY agency_id"""));
        assertEquals(List.of("1"), DB.rows("SELECT employer_id::text FROM change_event"));
        // The previous release's events, written without the employer, get it from the position.
        DB.sql(
                "INSERT INTO change_event (position_id, agency_id, kind, public, at) VALUES (1, 1, 'updated', false, now())");
        assertEquals(List.of("1", "1"), DB.rows("SELECT employer_id::text FROM change_event"));
        DB.flyway(null).clean();
    }

    @Test
    void editorsOfManyEmployersBecomeAdmins() throws SQLException {
        Flyway before = DB.flyway("8");
        before.clean();
        before.migrate();
        DB.sql(
                """
                INSERT INTO employer (id, name, street, postal_code, city, phone) VALUES
                    (1, 'A Kommune', 'Vej 1', '2620', 'A', '+4543686868'), (2, 'B Kommune', 'Vej 2', '2600', 'B', '+4543686868');
                INSERT INTO api_client (id, name, role, key_hash, created_at) VALUES (2, 'Editor', 'editor', 'h2', now());
                """);
        DB.flyway(null).migrate();
        assertEquals(List.of("2 admin"), DB.rows("SELECT id || ' ' || role FROM api_client"));
        DB.flyway(null).clean();
    }

    private static String day(String expression) throws SQLException {
        return DB.rows("SELECT (" + expression + ")::date::text").get(0);
    }
}
