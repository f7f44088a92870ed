package dk.kommunejob.cache;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.client.ApiClient;
import dk.kommunejob.client.ClientRole;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.position.Position;
import dk.kommunejob.sample.SyntheticPositions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

/**
 * A write of any kind shows in the very next read of every answer it touches, with a new ETag;
 * so does a change committed by someone else (another replica), and a deadline passing.
 */
@QuarkusTest
class CacheInvalidationTest {

    @Inject
    ResponseCache cache;

    @Inject
    Expiry expiry;

    @Inject
    SyntheticPositions synthetic;

    @Inject
    DataVersion version;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    /** What a GET answered. */
    record Seen(int status, String etag, String body) {
        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    static Seen get(String path) {
        ExtractableResponse<Response> r = given().get(path).then().extract();
        return new Seen(r.statusCode(), r.header("ETag"), r.asString());
    }

    /** Reads every path until it is kept, runs the write, and reads them all again. */
    private Map<String, Seen> afterWrite(Runnable write, String... paths) {
        TestData.notificationsArrived(); // the setup's own commits would end what is kept below
        Map<String, Seen> before = new LinkedHashMap<>();
        for (String path : paths) {
            Seen seen = get(path);
            if (seen.status() == 200) {
                assertNotNull(cache.find(HttpCachingTest.key(path), expiry.now()), path + " is kept before the write");
            }
            before.put(path, seen);
        }
        write.run();
        Map<String, Seen> after = new LinkedHashMap<>();
        before.forEach((path, seen) -> {
            Seen now = get(path);
            assertNotEquals(seen.body(), now.body(), path + " after the write");
            if (now.status() == 200) {
                assertNotEquals(seen.etag(), now.etag(), path + ": a new answer has a new ETag");
            }
            after.put(path, now);
        });
        return after;
    }

    /** A deadline day of this test's own, so the deadlines list for that day holds only its postings. */
    static LocalDate ownDay() {
        return LocalDate.now().plusDays(ThreadLocalRandom.current().nextInt(400, 4000));
    }

    static String body(Org org, String title, LocalDate deadline) {
        return """
                {"title": "%s", "employerId": %d, "unitId": %d, "applicationDeadline": "%s",
                 "applyUrl": "https://albertslund.dk/job",
                 "contacts": [{"name": "Anne Jensen", "role": "Skoleleder", "phone": "20 33 70 91"}]}"""
                .formatted(title, org.employerId(), org.unitId(), deadline);
    }

    private static String write(String method, String path, String etag, String body) {
        var request = as(BOOTSTRAP_KEY).header("If-Match", etag);
        if (body != null) {
            request = request.body(body);
        }
        if (method.equals("PATCH")) {
            request = request.contentType("application/merge-patch+json");
        }
        return request.request(method, path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void everyKindOfWriteShowsInTheNextReadOfTheDetailTheListsAndTheDeadlines() {
        Org org = TestData.org();
        LocalDate day = ownDay();
        long id = as(BOOTSTRAP_KEY)
                .body(body(org, "Skolesekretær", day))
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id");
        String detail = "/api/v1/positions/" + id;
        String list = "/api/v1/positions?employer=" + org.employerId();
        String deadlines = "/api/v1/deadlines?from=%s&to=%s".formatted(day, day.plusDays(30));
        String[] etag = {"\"1\""};

        var published =
                afterWrite(() -> etag[0] = write("POST", detail + "/publish", etag[0], null), detail, list, deadlines);
        assertEquals("open", published.get(detail).json().getString("status"));
        assertEquals(List.of((int) id), published.get(list).json().getList("items.id"));
        assertEquals(List.of((int) id), published.get(deadlines).json().getList("items.positionId"));

        String feed = "/api/v1/feeds/positions.rss?employer=" + org.employerId();
        String calendar = "/api/v1/calendars/positions/" + id + ".ics";
        var replaced = afterWrite(
                () -> etag[0] = write("PUT", detail, etag[0], body(org, "Skolesekretær til Herstedlund", day)),
                detail,
                list,
                deadlines,
                feed,
                calendar);
        assertTrue(replaced.get(feed).body().contains("Skolesekretær til Herstedlund"));
        assertTrue(replaced.get(calendar).body().contains("Skolesekretær til Herstedlund"));
        assertEquals("Skolesekretær til Herstedlund", replaced.get(list).json().getString("items[0].title"));
        assertEquals(
                "Skolesekretær til Herstedlund", replaced.get(deadlines).json().getString("items[0].title"));

        var patched = afterWrite(
                () -> etag[0] = write("PATCH", detail, etag[0], "{\"salary\": \"Efter overenskomst\"}"), detail);
        assertEquals("Efter overenskomst", patched.get(detail).json().getString("salary"));

        var closed =
                afterWrite(() -> etag[0] = write("POST", detail + "/close", etag[0], null), detail, list, deadlines);
        assertEquals("closed", closed.get(detail).json().getString("status"));
        assertEquals(List.of(), closed.get(list).json().getList("items"));
        assertEquals(List.of(), closed.get(deadlines).json().getList("items"));

        String later = "{\"applicationDeadline\": \"%s\"}".formatted(day.plusDays(3));
        var reopened =
                afterWrite(() -> etag[0] = write("POST", detail + "/reopen", etag[0], later), detail, list, deadlines);
        assertEquals("open", reopened.get(detail).json().getString("status"));
        assertEquals(
                Copenhagen.endOfDay(day.plusDays(3)).toString(),
                reopened.get(deadlines).json().getString("items[0].applicationDeadline"));

        var withdrawn =
                afterWrite(() -> etag[0] = write("POST", detail + "/withdraw", etag[0], null), detail, list, deadlines);
        assertEquals(404, withdrawn.get(detail).status());
        assertEquals(List.of(), withdrawn.get(list).json().getList("items"));
    }

    @Test
    void deletingAPostingAndAnAgencysSyncShowInTheNextRead() {
        Org org = TestData.org();
        LocalDate day = ownDay();
        String agency = TestData.agencyKey(org.agencyId(), "Cache sync agency");
        String sync = "/api/v1/agencies/%d/positions/REF-1".formatted(org.agencyId());
        long id = as(agency)
                .body(body(org, "Pædagog", day))
                .put(sync)
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id");
        String detail = "/api/v1/positions/" + id;
        String list = "/api/v1/positions?agency=" + org.agencyId();
        as(agency).header("If-Match", "\"1\"").post(detail + "/publish").then().statusCode(200);

        var synced = afterWrite(
                () -> as(agency)
                        .body(body(org, "Pædagog til Kastanjen", day))
                        .put(sync)
                        .then()
                        .statusCode(200),
                detail,
                list);
        assertEquals("Pædagog til Kastanjen", synced.get(detail).json().getString("title"));
        assertEquals("Pædagog til Kastanjen", synced.get(list).json().getString("items[0].title"));

        var deleted = afterWrite(
                () -> as(agency)
                        .header("If-Match", "\"3\"")
                        .delete(detail)
                        .then()
                        .statusCode(204),
                detail,
                list);
        assertEquals(404, deleted.get(detail).status());
        assertEquals(0, deleted.get(list).json().getInt("total"));
    }

    @Test
    void loadedSampleDataShowsInTheNextRead() {
        long employer = given().get("/api/v1/employers")
                .then()
                .extract()
                .jsonPath()
                .getLong("find { it.name == 'Albertslund Kommune' }.id");
        String list = "/api/v1/positions?status=all&sort=-publishedAt&employer=" + employer;
        int before = get(list).json().getInt("total");

        var after = afterWrite(() -> synthetic.generate(employer, 3), list);

        assertEquals(before + 3, after.get(list).json().getInt("total"));
    }

    @Test
    void aChangeCommittedOutsideThisInstanceIsSeenWithinASecond() throws Exception {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {});
        TestData.notificationsArrived();
        String detail = "/api/v1/positions/" + p.id;
        Seen before = get(detail);
        assertNotNull(cache.find(HttpCachingTest.key(detail), expiry.now()), "kept before the change");

        // A plain connection of its own, as another replica or an operator's psql would write.
        Properties user = new Properties();
        user.setProperty("user", "postgres");
        try (Connection other = new Driver().connect(url, user);
                PreparedStatement update = other.prepareStatement("UPDATE position SET title = ? WHERE id = ?")) {
            update.setString(1, "Lærer i udskolingen");
            update.setLong(2, p.id);
            assertEquals(1, update.executeUpdate());
        }

        long started = System.nanoTime();
        Optional<Seen> changed = Optional.empty();
        while (changed.isEmpty() && System.nanoTime() - started < 1_000_000_000L) {
            Seen now = get(detail);
            changed = now.body().equals(before.body()) ? Optional.empty() : Optional.of(now);
        }
        assertTrue(changed.isPresent(), "the change was not seen within a second");
        assertEquals("Lærer i udskolingen", changed.get().json().getString("title"));
        assertNotEquals(before.etag(), changed.get().etag());
    }

    @Test
    void aCommitOfThisInstanceMovesTheVersionBeforeTheCommitReturns() {
        // api_client has no trigger, so no notification comes: only this instance's own hook can move
        // the version, and it must have done so by the time the transaction returns (read your writes).
        long before = version.generation();
        QuarkusTransaction.requiringNew().run(() -> {
            ApiClient client = new ApiClient();
            client.name = "Version probe";
            client.role = ClientRole.admin;
            client.keyHash = UUID.randomUUID().toString();
            client.createdAt = OffsetDateTime.now();
            client.persist();
        });
        assertTrue(version.generation() > before, "the version moved with the commit");
    }

    @Test
    void aPostingLeavesTheOpenListsAtTheSecondItsDeadlinePasses() {
        Org org = TestData.org();
        LocalDate day = ownDay();
        // A deadline in the afternoon, so it is the deadline and not midnight that ends the answers.
        LocalDateTime deadline = day.atTime(14, 30);
        Position p = TestData.position(
                org,
                x -> x.applicationDeadline = deadline.atZone(Copenhagen.ZONE).toOffsetDateTime());
        String detail = "/api/v1/positions/" + p.id;
        String list = "/api/v1/positions?employer=" + org.employerId();
        String deadlines = "/api/v1/deadlines?from=%s&to=%s".formatted(day, day);

        at(deadline.minusSeconds(30));
        for (String path : List.of(detail, list, deadlines)) {
            // No cache may be told to keep it past the deadline: 31 s are left.
            String cacheControl =
                    given().get(path).then().statusCode(200).extract().header("Cache-Control");
            assertTrue(cacheControl.contains("max-age=31,"), path + ": " + cacheControl);
        }

        at(deadline);
        Seen open = get(detail);
        assertEquals("open", open.json().getString("status"));
        assertEquals(List.of(p.id.intValue()), get(list).json().getList("items.id"));
        assertEquals(List.of(p.id.intValue()), get(deadlines).json().getList("items.positionId"));
        assertNotNull(cache.find(HttpCachingTest.key(list), expiry.now()), "the open list is kept");

        at(deadline.plusSeconds(1));
        assertNull(cache.find(HttpCachingTest.key(list), expiry.now()), "the open list is no longer served");
        Seen closed = get(detail);
        assertEquals("closed", closed.json().getString("status"));
        assertNotEquals(open.etag(), closed.etag());
        assertEquals(List.of(), get(list).json().getList("items"));
        assertEquals(List.of(), get(deadlines).json().getList("items"));
    }

    /** Moves the service's clock to this Copenhagen wall-clock time, for the current test only. */
    private static void at(LocalDateTime localTime) {
        QuarkusMock.installMockForType(
                Clock.fixed(localTime.atZone(Copenhagen.ZONE).toInstant(), Copenhagen.ZONE), Clock.class);
    }
}
