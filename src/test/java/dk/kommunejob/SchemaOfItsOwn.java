package dk.kommunejob;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/** A schema of a migration test's own, migrated by the real migrations to any version, and SQL on it. */
public record SchemaOfItsOwn(String schema) {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    /** Flyway on the schema, up to this version (null: the latest). */
    public Flyway flyway(String target) {
        var config = Flyway.configure()
                .dataSource(URL, "postgres", null)
                .schemas(schema)
                .cleanDisabled(false)
                .locations("classpath:db/migration")
                .configuration(dk.kommunejob.common.Migrations.SETTINGS);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    public void sql(String statements) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }

    /** The first column of each row. */
    public List<String> rows(String query) throws SQLException {
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

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(URL + "?currentSchema=" + schema, "postgres", null);
    }
}
