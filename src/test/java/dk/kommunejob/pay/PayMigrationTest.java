package dk.kommunejob.pay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kommunejob.SchemaOfItsOwn;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The move of `salary` into `pay` (V12) on a database of the release before: every stored salary is
 * pay.text after it, and what the release before writes while the rollout runs reaches pay.text too.
 */
class PayMigrationTest {

    private static final SchemaOfItsOwn DB = new SchemaOfItsOwn("jobs_pay_migration_test");

    @Test
    void everySalaryBecomesPayTextAndNothingIsLost() throws SQLException {
        Flyway before = DB.flyway("11");
        before.clean();
        before.migrate();
        StringBuilder positions = new StringBuilder();
        String[] salaries = {
            "Løn og ansættelsesforhold i henhold til gældende overenskomst mellem KL og den forhandlingsberettigede organisation.",
            "Lønindplacering sker efter forhandling med den forhandlingsberettigede organisation.",
            "Lønnen forhandles med udgangspunkt i kvalifikationer og erfaring. Hertil kommer pension på 19,55%.",
            "Løntrin 26 + \"tillæg\" \\ 100 % – æøå",
            ""
        };
        for (int i = 0; i < salaries.length; i++) {
            positions.append(
                    "INSERT INTO position (id, slug, employer_id, title, status, salary, created_at, updated_at) VALUES (%d, 's-%d', 1, 'T', 'draft', '%s', now(), now());\n"
                            .formatted(i + 1, i + 1, salaries[i].replace("'", "''")));
        }
        positions.append(
                "INSERT INTO position (id, slug, employer_id, title, status, created_at, updated_at) VALUES (9, 's-9', 1, 'T', 'draft', now(), now());");
        DB.sql(
                """
                INSERT INTO employer (id, name, street, postal_code, city, phone) VALUES (1, 'Albertslund Kommune',
                    'Nordmarks Allé 1', '2620', 'Albertslund', '+4543686868');
                """
                        + positions);
        DB.flyway(null).migrate();

        List<String> expected = new ArrayList<>(List.of(salaries));
        expected.add(null);
        assertEquals(expected, DB.rows("SELECT pay->>'text' FROM position ORDER BY id"));
        assertEquals(
                DB.rows("SELECT salary FROM position ORDER BY id"),
                DB.rows("SELECT pay->>'text' FROM position ORDER BY id"));

        // The release before, still running during the rollout, writes salary alone.
        DB.sql(
                """
                UPDATE position SET salary = 'Efter aftale' WHERE id = 1;
                UPDATE position SET salary = NULL WHERE id = 2;
                INSERT INTO position (id, slug, employer_id, title, status, salary, created_at, updated_at)
                    VALUES (10, 's-10', 1, 'T', 'draft', 'Efter overenskomst', now(), now());
                """);
        assertEquals(
                List.of("1 Efter aftale", "2 null", "10 Efter overenskomst"),
                DB.rows(
                        "SELECT id || ' ' || coalesce(pay->>'text', 'null') FROM position WHERE id IN (1, 2, 10) ORDER BY id"));
        // This release writes both, and its structure stays.
        DB.sql(
                """
                UPDATE position SET salary = 'Løntrin 30', pay = '{"text": "Løntrin 30", "steps": {"from": 30, "to": 30}}'
                WHERE id = 3;
                """);
        assertEquals(
                List.of("Løntrin 30 30"),
                DB.rows("SELECT (pay->>'text') || ' ' || (pay->'steps'->>'from') FROM position WHERE id = 3"));
        DB.flyway(null).clean();
    }
}
