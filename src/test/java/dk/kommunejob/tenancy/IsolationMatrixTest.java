package dk.kommunejob.tenancy;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.agencyKey;
import static dk.kommunejob.TestData.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.agency.Agency;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.organisation.OrgUnit;
import dk.kommunejob.organisation.UnitLevel;
import dk.kommunejob.position.Position;
import dk.kommunejob.position.PositionStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's isolation matrix: every caller against every write and every non-public read of employer A's
 * things, each cell on fresh data of its own. Agency Y is engaged by A and B, X by A only, Z's engagement by A
 * ended yesterday. A "draft" or "posting" is agency Y's at employer A unless the column says otherwise.
 */
@QuarkusTest
class IsolationMatrixTest {

    private static final LocalDate TODAY = LocalDate.now(Copenhagen.ZONE);
    private static final LocalDate DEADLINE = TODAY.plusDays(20);

    /** What every cell may use: the employers, agencies and keys. */
    record World(Org a, Org b, long x, long y, long z, long engagementAY, Map<String, String> keys) {}

    /** One column: what it does, given the caller's key (null: anonymous) and the caller's own agency, if any. */
    record Column(String name, BiFunction<String, Long, Integer> attempt) {}

    @Test
    void everyCallerGetsWhatItsRoleAllowsAndNoMore() {
        World w = world();
        List<Column> columns = columns(w);
        // Expected statuses per row, in column order (see columns()).
        Map<String, String> expected = new LinkedHashMap<>();
        //                               create draft hist checks PUT  PATCH DEL  pub  close wdraw reopen own  sync
        //                               unit+ unit= ucls udel empEd empPut emp+ ag+ agPut eng+ engGet engPut
        //                               cli+ cliLs cliDel payTr
        expected.put(
                "anonymous",
                "401 401 401 401 401 401 401 401 401 401 401 401 401 "
                        + "401 401 401 401 401 401 401 401 401 401 401 401 401 401 401 401");
        expected.put(
                "admin",
                "201 200 200 200 200 200 204 200 200 200 200 200 201 "
                        + "201 200 200 204 200 200 201 201 200 201 200 200 201 200 204 200");
        expected.put(
                "editor of A",
                "201 200 200 200 200 200 204 200 200 200 200 200 201 "
                        + "201 200 200 204 200 200 403 403 403 201 200 200 201 200 204 200");
        expected.put(
                "editor of B",
                "403 404 404 404 404 403 404 404 403 403 403 403 403 "
                        + "403 403 403 403 403 403 403 403 403 403 404 404 403 200 404 403");
        expected.put(
                "agency X, engaged by A",
                "201 404 404 404 404 403 404 404 403 403 403 200 403 "
                        + "403 403 403 403 403 403 403 403 403 403 404 404 403 403 403 403");
        expected.put(
                "agency Y, engaged by A and B",
                "201 200 200 200 200 200 204 200 200 200 200 200 201 "
                        + "403 403 403 403 403 403 403 403 403 403 200 403 403 403 403 403");
        expected.put(
                "agency Z, engagement ended",
                "403 404 404 404 404 403 404 404 403 403 403 403 403 "
                        + "403 403 403 403 403 403 403 403 403 403 404 404 403 403 403 403");

        Map<String, Long> ownAgency = Map.of(
                "agency X, engaged by A",
                w.x(),
                "agency Y, engaged by A and B",
                w.y(),
                "agency Z, engagement ended",
                w.z());
        StringBuilder table = new StringBuilder(String.format("%-30s", ""));
        columns.forEach(c -> table.append(String.format(" %-7s", c.name())));
        List<String> wrong = new ArrayList<>();
        expected.forEach((row, statuses) -> {
            String[] want = statuses.split(" ");
            assertEquals(columns.size(), want.length, row + ": one expectation per column");
            table.append(String.format("%n%-30s", row));
            for (int i = 0; i < columns.size(); i++) {
                int got = columns.get(i).attempt().apply(w.keys().get(row), ownAgency.get(row));
                boolean right = String.valueOf(got).equals(want[i]);
                table.append(String.format(" %-7s", got + (right ? "" : "!" + want[i])));
                if (!right) {
                    wrong.add("%s / %s: %d, expected %s"
                            .formatted(row, columns.get(i).name(), got, want[i]));
                }
            }
        });
        System.out.println("Isolation matrix (status; !expected where it differs):\n" + table);
        assertTrue(wrong.isEmpty(), "cells not as expected: " + wrong);
    }

    @Test
    void theChangeFeedShowsEachCallerOnlyWhatItMaySee() {
        World w = world();
        String cursor = feedEnd(BOOTSTRAP_KEY, "0.0");
        // A draft of A by agency Y, changed, then deleted: unpublished events and a tombstone only A's side sees.
        long draft = draft(w.a(), w.y());
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .delete("/api/v1/positions/" + draft)
                .then()
                .statusCode(204);
        // A published posting of B: everyone sees it.
        long published = published(w.b(), null);
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .post("/api/v1/positions/%d/close".formatted(published))
                .then()
                .statusCode(200);

        Map<String, Boolean> seesADraft = new LinkedHashMap<>();
        seesADraft.put("anonymous", false);
        seesADraft.put("admin", true);
        seesADraft.put("editor of A", true);
        seesADraft.put("editor of B", false);
        seesADraft.put("agency X, engaged by A", false);
        seesADraft.put("agency Y, engaged by A and B", true);
        seesADraft.put("agency Z, engagement ended", false);
        seesADraft.forEach((row, sees) -> {
            List<Map<String, Object>> events = feedFrom(w.keys().get(row), cursor);
            Set<String> ofDraft = events.stream()
                    .filter(e -> ((Number) e.get("positionId")).longValue() == draft)
                    .map(e -> (String) e.get("kind"))
                    .collect(Collectors.toSet());
            assertEquals(sees ? Set.of("deleted") : Set.of(), ofDraft, row + ": the deleted draft's events");
            assertTrue(
                    events.stream().anyMatch(e -> ((Number) e.get("positionId")).longValue() == published),
                    row + ": B's public closing");
        });
        assertFalse(feedFrom(w.keys().get("editor of B"), cursor).stream()
                .anyMatch(e -> e.get("tombstone") != null && ((Number) e.get("positionId")).longValue() == draft));
    }

    private World world() {
        Org a = TestData.org();
        Org b = TestData.org();
        long x = agency("X");
        long y = agency("Y");
        long z = agency("Z");
        TestData.engage(a.employerId(), x, TODAY.minusDays(10), null);
        TestData.engage(b.employerId(), y, TODAY.minusDays(10), null);
        TestData.engage(a.employerId(), z, TODAY.minusDays(40), TODAY.minusDays(1));
        long engagementAY = as(BOOTSTRAP_KEY)
                .body("""
                        {"employerId": %d, "agencyId": %d, "startsOn": "%s"}"""
                        .formatted(a.employerId(), y, TODAY.minusDays(10)))
                .post("/api/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id");
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("anonymous", null);
        keys.put("admin", BOOTSTRAP_KEY);
        keys.put("editor of A", TestData.editorKey(a.employerId(), "Redaktør A"));
        keys.put("editor of B", TestData.editorKey(b.employerId(), "Redaktør B"));
        keys.put("agency X, engaged by A", agencyKey(x, "Bureau X"));
        keys.put("agency Y, engaged by A and B", agencyKey(y, "Bureau Y"));
        keys.put("agency Z, engagement ended", agencyKey(z, "Bureau Z"));
        return new World(a, b, x, y, z, engagementAY, keys);
    }

    private static List<Column> columns(World w) {
        Org a = w.a();
        long y = w.y();
        List<Column> c = new ArrayList<>();
        c.add(new Column("create", (key, own) -> as(key).body(TestData.positionBody(a, "Ny", null, DEADLINE))
                .post("/api/v1/positions")
                .statusCode()));
        c.add(new Column("draft", (key, own) -> as(key).get("/api/v1/positions/%d/editable".formatted(draft(a, y)))
                .statusCode()));
        c.add(new Column("hist", (key, own) -> as(key).get("/api/v1/positions/%d/history".formatted(draft(a, y)))
                .statusCode()));
        c.add(new Column("checks", (key, own) -> as(key).get("/api/v1/positions/%d/checks".formatted(draft(a, y)))
                .statusCode()));
        c.add(new Column("PUT", (key, own) -> versioned(key)
                .body(TestData.positionBody(a, "Ændret", null, DEADLINE))
                .put("/api/v1/positions/" + draft(a, y))
                .statusCode()));
        c.add(new Column("PATCH", (key, own) -> versioned(key)
                .contentType("application/merge-patch+json")
                .body("{\"title\": \"Ændret\"}")
                .patch("/api/v1/positions/" + published(a, y))
                .statusCode()));
        c.add(new Column("DEL", (key, own) -> versioned(key)
                .delete("/api/v1/positions/" + draft(a, y))
                .statusCode()));
        c.add(new Column("pub", (key, own) -> versioned(key)
                .post("/api/v1/positions/%d/publish".formatted(draft(a, y)))
                .statusCode()));
        c.add(new Column("close", (key, own) -> versioned(key)
                .post("/api/v1/positions/%d/close".formatted(published(a, y)))
                .statusCode()));
        c.add(new Column("wdraw", (key, own) -> versioned(key)
                .post("/api/v1/positions/%d/withdraw".formatted(published(a, y)))
                .statusCode()));
        c.add(new Column("reopen", (key, own) -> versioned(key)
                .body("{\"applicationDeadline\": \"%s\"}".formatted(DEADLINE.plusDays(5)))
                .post("/api/v1/positions/%d/reopen".formatted(closed(a, y)))
                .statusCode()));
        // The caller's own agency's posting at A (agency Y's for callers that are no agency).
        c.add(new Column("own", (key, own) -> versioned(key)
                .contentType("application/merge-patch+json")
                .body("{\"title\": \"Ændret\"}")
                .patch("/api/v1/positions/" + published(a, own == null ? y : own))
                .statusCode()));
        c.add(new Column("sync", (key, own) -> as(key).body(TestData.positionBody(a, "Synket", null, DEADLINE))
                .put("/api/v1/agencies/%d/positions/ref-%s".formatted(y, UUID.randomUUID()))
                .statusCode()));
        c.add(new Column("unit+", (key, own) -> as(key).body(
                        """
                        {"employerId": %d, "parentId": %d, "name": "Ny enhed", "level": "unit"}"""
                                .formatted(a.employerId(), a.departmentId()))
                .post("/api/v1/units")
                .statusCode()));
        c.add(new Column("unit=", (key, own) -> versioned(key)
                .body("""
                        {"parentId": %d, "name": "Omdøbt", "level": "unit"}"""
                        .formatted(a.departmentId()))
                .put("/api/v1/units/" + unit(a))
                .statusCode()));
        c.add(new Column("ucls", (key, own) -> versioned(key)
                .post("/api/v1/units/%d/close".formatted(unit(a)))
                .statusCode()));
        c.add(new Column(
                "udel",
                (key, own) -> versioned(key).delete("/api/v1/units/" + unit(a)).statusCode()));
        c.add(new Column("empEd", (key, own) -> as(key).get("/api/v1/employers/%d/editable".formatted(a.employerId()))
                .statusCode()));
        c.add(new Column("empPut", (key, own) -> {
            String current = as(BOOTSTRAP_KEY)
                    .get("/api/v1/employers/%d/editable".formatted(a.employerId()))
                    .then()
                    .extract()
                    .asString();
            return as(key).header("If-Match", "*")
                    .body(current)
                    .put("/api/v1/employers/" + a.employerId())
                    .statusCode();
        }));
        c.add(new Column("emp+", (key, own) -> as(key).body(employerBody("Nykommune " + UUID.randomUUID()))
                .post("/api/v1/employers")
                .statusCode()));
        c.add(new Column("ag+", (key, own) -> as(key).body(
                        """
                        {"name": "Bureau %s"}""".formatted(UUID.randomUUID()))
                .post("/api/v1/agencies")
                .statusCode()));
        c.add(new Column("agPut", (key, own) -> {
            long agency = agency("omdøbes");
            return versioned(key)
                    .body("""
                            {"name": "Omdøbt bureau %s"}""".formatted(UUID.randomUUID()))
                    .put("/api/v1/agencies/" + agency)
                    .statusCode();
        }));
        c.add(new Column(
                "eng+", (key, own) -> as(key).body("""
                        {"employerId": %d, "agencyId": %d}"""
                                .formatted(a.employerId(), agency("engageres")))
                        .post("/api/v1/engagements")
                        .statusCode()));
        c.add(new Column("engGet", (key, own) -> as(key).get("/api/v1/engagements/" + w.engagementAY())
                .statusCode()));
        c.add(new Column("engPut", (key, own) -> as(key).header("If-Match", "*")
                .body("""
                        {"startsOn": "%s"}""".formatted(TODAY.minusDays(10)))
                .put("/api/v1/engagements/" + w.engagementAY())
                .statusCode()));
        c.add(new Column("cli+", (key, own) -> as(key).body(
                        """
                        {"name": "Ny redaktør", "role": "editor", "employerId": %d}"""
                                .formatted(a.employerId()))
                .post("/api/v1/clients")
                .statusCode()));
        c.add(new Column("cliLs", (key, own) -> as(key).get("/api/v1/clients").statusCode()));
        c.add(new Column("cliDel", (key, own) -> {
            long client = as(BOOTSTRAP_KEY)
                    .body(
                            """
                            {"name": "Tilbagekaldes", "role": "editor", "employerId": %d}"""
                                    .formatted(a.employerId()))
                    .post("/api/v1/clients")
                    .then()
                    .extract()
                    .<Integer>path("client.id");
            return as(key).delete("/api/v1/clients/" + client).statusCode();
        }));
        c.add(new Column(
                "payTr", (key, own) -> as(key).get("/api/v1/employers/%d/pay-transparency".formatted(a.employerId()))
                        .statusCode()));
        return c;
    }

    /** The fixtures' version is 1: a change with that If-Match fails only on who asks. */
    private static RequestSpecification versioned(String key) {
        return as(key).header("If-Match", "\"1\"");
    }

    private static String employerBody(String name) {
        return """
                {"name": "%s", "address": {"street": "Rådhuset", "postalCode": "9999", "city": "Testby"},
                 "phone": "43 68 68 68"}"""
                .formatted(name);
    }

    private static long agency(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Agency agency = new Agency("Bureau " + name + " " + UUID.randomUUID(), null);
            agency.version = 1;
            agency.persist();
            return agency.id;
        });
    }

    private static long unit(Org org) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OrgUnit unit = new OrgUnit(
                    OrgUnit.<OrgUnit>findById(org.unitId()).employer,
                    OrgUnit.findById(org.departmentId()),
                    "Enhed " + UUID.randomUUID(),
                    UnitLevel.unit);
            unit.version = 1;
            unit.persist();
            return unit.id;
        });
    }

    private static long draft(Org org, long agencyId) {
        return TestData.position(org, p -> {
                    p.status = PositionStatus.draft;
                    p.publishedAt = null;
                    p.agency = TestData.agency(agencyId);
                })
                .id;
    }

    private static long published(Org org, Long agencyId) {
        return TestData.position(org, p -> p.agency = agencyId == null ? null : TestData.agency(agencyId)).id;
    }

    private static long closed(Org org, long agencyId) {
        Position p = TestData.position(org, x -> {
            x.agency = TestData.agency(agencyId);
            x.closedAt = OffsetDateTime.now().minusHours(1);
        });
        return p.id;
    }

    /** The feed's cursor after its last event, as this caller reads it. */
    private static String feedEnd(String key, String after) {
        String cursor = after;
        while (true) {
            var page = as(key).get("/api/v1/changes?limit=1000&after=" + cursor)
                    .then()
                    .statusCode(200)
                    .extract();
            String next = page.path("next");
            if (next.equals(cursor)) {
                return cursor;
            }
            cursor = next;
        }
    }

    /** Every event after the cursor this caller sees, once the writes above have settled in the feed. */
    private static List<Map<String, Object>> feedFrom(String key, String cursor) {
        List<Map<String, Object>> events = new ArrayList<>();
        String at = cursor;
        for (int tries = 0; tries < 20; tries++) {
            var page = as(key).get("/api/v1/changes?limit=1000&after=" + at)
                    .then()
                    .statusCode(200)
                    .extract();
            List<Map<String, Object>> items = page.jsonPath().getList("items");
            events.addAll(items);
            at = page.path("next");
            if (items.isEmpty()) {
                if (!events.isEmpty()) {
                    break;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return events;
    }
}
