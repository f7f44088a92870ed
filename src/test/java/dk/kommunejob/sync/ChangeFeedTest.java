package dk.kommunejob.sync;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.agencyKey;
import static dk.kommunejob.TestData.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.position.Position;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class ChangeFeedTest {

    @Inject
    ChangeEvents events;

    public record Read(List<Map<String, Object>> items, String next) {}

    /** One page after the cursor, as the caller with this key (null: anonymous) sees it. */
    public static Read page(String key, String after) {
        var request = as(key).queryParam("limit", 1000);
        if (after != null) {
            request.queryParam("after", after);
        }
        JsonPath body =
                request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
        return new Read(body.getList("items"), body.getString("next"));
    }

    /** Everything after the cursor, page by page, and the cursor to go on from. */
    public static Read drain(String key, String after) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = after;
        while (true) {
            Read read = page(key, cursor);
            all.addAll(read.items());
            if (read.items().isEmpty()) {
                return new Read(all, read.next());
            }
            cursor = read.next();
        }
    }

    public static List<String> kindsOf(Read read, long positionId) {
        return read.items().stream()
                .filter(e -> ((Number) e.get("positionId")).longValue() == positionId)
                .map(e -> (String) e.get("kind"))
                .toList();
    }

    static String body(Org org, String title) {
        LocalDate deadline = LocalDate.now().plusDays(20);
        return """
                {"title": "%s", "employerId": %d, "unitId": %d, "applicationDeadline": "%s",
                 "applyUrl": "https://albertslund.dk/job",
                 "contacts": [{"name": "Anne Jensen", "phone": "20 33 70 91"}],
                 "stages": [{"kind": "first_interview", "label": "1. samtaler", "date": "%s"}]}"""
                .formatted(title, org.employerId(), org.unitId(), deadline, deadline.plusDays(5));
    }

    @Test
    void anEventCommittedLateIsNeverSkippedByACursorThatMovedOn() throws Exception {
        long early = 900_000_001L;
        long late = 900_000_002L;
        String start = drain(BOOTSTRAP_KEY, null).next();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        // Transaction A writes its event first but commits last.
        Future<?> slow = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            events.emit(early, null, ChangeKind.updated, true, OffsetDateTime.now());
            written.countDown();
            try {
                assertTrue(mayCommit.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue(written.await(30, TimeUnit.SECONDS));
        // Transaction B writes after A and commits before it.
        QuarkusTransaction.requiringNew()
                .run(() -> events.emit(late, null, ChangeKind.updated, true, OffsetDateTime.now()));

        Read whileAIsOpen = drain(BOOTSTRAP_KEY, start);
        assertEquals(List.of(), kindsOf(whileAIsOpen, late), "B waits until every older transaction is done");
        mayCommit.countDown();
        slow.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        Read after = drain(BOOTSTRAP_KEY, whileAIsOpen.next());
        List<Long> order = after.items().stream()
                .map(e -> ((Number) e.get("positionId")).longValue())
                .filter(id -> id == early || id == late)
                .toList();
        assertEquals(List.of(early, late), order);
        assertEquals(List.of(), drain(BOOTSTRAP_KEY, after.next()).items());
    }

    @Test
    void aConsumerPollingWhileClientsWriteGetsEveryEventExactlyOnce() throws Exception {
        Org org = TestData.org();
        String start = drain(BOOTSTRAP_KEY, null).next();
        int writers = 3;
        int writes = 8;
        List<Long> ids = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            ids.add(as(BOOTSTRAP_KEY)
                    .body(body(org, "Skriver " + w))
                    .post("/api/v1/positions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .<Integer>path("id")
                    .longValue());
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (long id : ids) {
            running.add(pool.submit(() -> {
                go.await();
                for (int i = 1; i <= writes; i++) {
                    as(BOOTSTRAP_KEY)
                            .contentType("application/merge-patch+json; charset=UTF-8")
                            .header("If-Match", "\"" + i + "\"")
                            .body("{\"salary\": \"Trin " + i + "\"}")
                            .patch("/api/v1/positions/" + id)
                            .then()
                            .statusCode(200);
                }
                return null;
            }));
        }
        List<Map<String, Object>> seen = new ArrayList<>();
        Future<String> poller = pool.submit(() -> {
            go.await();
            String cursor = start;
            while (running.stream().anyMatch(f -> !f.isDone())) {
                Read read = page(BOOTSTRAP_KEY, cursor);
                seen.addAll(read.items());
                cursor = read.next();
            }
            return cursor;
        });
        go.countDown();
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        Read rest = drain(BOOTSTRAP_KEY, poller.get(60, TimeUnit.SECONDS));
        seen.addAll(rest.items());
        pool.shutdown();

        List<String> cursors = seen.stream().map(e -> (String) e.get("cursor")).toList();
        assertEquals(cursors.size(), new HashSet<>(cursors).size(), "no event twice");
        for (long id : ids) {
            long updates = seen.stream()
                    .filter(e -> ((Number) e.get("positionId")).longValue() == id && "updated".equals(e.get("kind")))
                    .count();
            assertEquals(writes, updates, "every update of position " + id);
        }
        long stored = QuarkusTransaction.requiringNew().call(() -> (Long) Position.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM change_event WHERE position_id IN (:ids)", Long.class)
                .setParameter("ids", ids)
                .getSingleResult());
        Set<Long> ours = new HashSet<>(ids);
        assertEquals(
                stored,
                seen.stream()
                        .filter(e -> ours.contains(((Number) e.get("positionId")).longValue()))
                        .count());
    }

    @Test
    void eachCallerSeesWhatItMayWithTombstonesForWhatLeftPublicView() {
        Org org = TestData.org();
        String agency = agencyKey(org.agencyId(), "Feedbureau");
        String stranger = agencyKey(TestData.org().agencyId(), "Fremmed feedbureau");
        String start = drain(BOOTSTRAP_KEY, null).next();
        long id = as(agency)
                .body(body(org, "Feedstilling"))
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id")
                .longValue();
        as(agency)
                .header("If-Match", "\"1\"")
                .post("/api/v1/positions/%d/publish".formatted(id))
                .then()
                .statusCode(200);
        as(agency)
                .header("If-Match", "\"2\"")
                .post("/api/v1/positions/%d/withdraw".formatted(id))
                .then()
                .statusCode(200);

        assertEquals(List.of("created", "published", "withdrawn"), kindsOf(drain(BOOTSTRAP_KEY, start), id));
        assertEquals(List.of("created", "published", "withdrawn"), kindsOf(drain(agency, start), id));
        assertEquals(List.of("published", "withdrawn"), kindsOf(drain(stranger, start), id));
        Read anonymous = drain(null, start);
        assertEquals(List.of("published", "withdrawn"), kindsOf(anonymous, id));
        Map<String, Object> last = anonymous.items().stream()
                .filter(e -> ((Number) e.get("positionId")).longValue() == id)
                .reduce((a, b) -> b)
                .orElseThrow();
        assertEquals(Map.of("reason", "withdrawn"), last.get("tombstone"));
        assertEquals(null, last.get("position"));
    }

    @Test
    void aDeletedPositionLeavesADeletedEventWithATombstone() {
        Org org = TestData.org();
        long id = as(BOOTSTRAP_KEY)
                .body(body(org, "Slettes"))
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id")
                .longValue();
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .post("/api/v1/positions/%d/publish".formatted(id))
                .then()
                .statusCode(200);
        String start = drain(null, null).next();

        as(BOOTSTRAP_KEY).delete("/api/v1/positions/" + id).then().statusCode(428);
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"2\"")
                .delete("/api/v1/positions/" + id)
                .then()
                .statusCode(204);
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"2\"")
                .delete("/api/v1/positions/" + id)
                .then()
                .statusCode(404);
        as(null).get("/api/v1/positions/" + id).then().statusCode(404);

        Read read = drain(null, start);
        assertEquals(List.of("deleted"), kindsOf(read, id));
        assertEquals(
                Map.of("reason", "deleted"),
                read.items().get(read.items().size() - 1).get("tombstone"));
    }

    @Test
    void aDeadlinePassingWithNobodyActingIsAClosedEvent() {
        Org org = TestData.org();
        LocalDate deadline = LocalDate.now().plusDays(20);
        long id = as(BOOTSTRAP_KEY)
                .body(body(org, "Udløber"))
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id")
                .longValue();
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .post("/api/v1/positions/%d/publish".formatted(id))
                .then()
                .statusCode(200);
        String start = drain(null, null).next();

        events.announcePassedDeadlines(Copenhagen.endOfDay(deadline));
        assertEquals(List.of(), kindsOf(drain(null, start), id), "not before the last second has passed");
        events.announcePassedDeadlines(Copenhagen.endOfDay(deadline).plusSeconds(1));
        events.announcePassedDeadlines(Copenhagen.endOfDay(deadline).plusHours(1));

        Read read = drain(null, start);
        assertEquals(List.of("closed"), kindsOf(read, id), "announced once");
        Map<String, Object> closed = read.items().stream()
                .filter(e -> ((Number) e.get("positionId")).longValue() == id)
                .findFirst()
                .orElseThrow();
        assertTrue(
                Copenhagen.endOfDay(deadline).plusSeconds(1).isEqual(OffsetDateTime.parse((String) closed.get("at"))));
    }

    @Test
    void badFeedParametersAreProblems() {
        as(null).queryParam("after", "yesterday")
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("after"));
        as(null).queryParam("after", "-1.5").get("/api/v1/changes").then().statusCode(400);
        as(null).queryParam("limit", 5000)
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("limit"));
        as("jpk_unknown").get("/api/v1/changes").then().statusCode(401);
    }
}
