package dk.kommunejob.position;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A list costs the same statements for 2 items as for 30, a posting one statement: no N+1. */
@QuarkusTest
class QueryCountTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Scheduler scheduler;

    /**
     * The statistics count every statement of the instance: the scheduled jobs (gauges every 15 s, deadlines,
     * the search vocabulary) are paused, or one of theirs lands in a count now and then (it did in CI).
     */
    @BeforeEach
    void pauseBackgroundJobs() throws InterruptedException {
        scheduler.pause();
        Thread.sleep(200); // one already running ends
    }

    @AfterEach
    void resumeBackgroundJobs() {
        scheduler.resume();
    }

    private long statementsFor(Runnable request) {
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        request.run();
        return statistics.getPrepareStatementCount();
    }

    @Test
    void listQueriesDoNotGrowWithThePageSize() {
        Org org = TestData.org();
        for (int i = 0; i < 29; i++) {
            TestData.position(org, p -> p.agency = TestData.agency(org.agencyId()));
        }
        Position position = TestData.position(org, p -> p.agency = TestData.agency(org.agencyId()));

        // When answers expire is looked up once per version of the data, not per request.
        given().get("/api/v1/agencies").then().statusCode(200);
        // Search reads the postings' new words once per change of the data (search.Vocabulary), not per request.
        given().queryParam("q", "skole").get("/api/v1/positions").then().statusCode(200);

        long first = statementsFor(() -> given().queryParam("employer", org.employerId())
                .queryParam("size", 2)
                .get("/api/v1/positions")
                .then()
                .statusCode(200));
        long small = statementsFor(() -> given().queryParam("employer", org.employerId())
                .queryParam("size", 2)
                .queryParam("page", 2)
                .get("/api/v1/positions")
                .then()
                .statusCode(200));
        long large = statementsFor(() -> given().queryParam("employer", org.employerId())
                .queryParam("size", 30)
                .get("/api/v1/positions")
                .then()
                .statusCode(200));
        long searched = statementsFor(() -> given().queryParam("unit", org.directorateId())
                .queryParam("q", "lærer")
                .queryParam("size", 30)
                .get("/api/v1/positions")
                .then()
                .statusCode(200));
        long searchedOn = statementsFor(() -> given().queryParam("unit", org.directorateId())
                .queryParam("q", "lærer")
                .queryParam("size", 2)
                .queryParam("page", 2)
                .get("/api/v1/positions")
                .then()
                .statusCode(200));
        long deadlines = statementsFor(() ->
                given().queryParam("size", 30).get("/api/v1/deadlines").then().statusCode(200));
        long detail = statementsFor(() -> given().get("/api/v1/positions/{id}", position.id)
                .then()
                .statusCode(200)
                .body("contacts", hasSize(1))
                .body("stages", hasSize(1)));

        // By agency: no list above has counted this filter's matches, so a count would show.
        long feed = statementsFor(() -> given().queryParam("agency", org.agencyId())
                .get("/api/v1/feeds/positions.rss")
                .then()
                .statusCode(200));

        // the organisation index (units and employers, read once per data version, so the employer filter's check is
        // no statement after it) + the page + the total, which is then kept for every page and size
        assertEquals(4, first);
        assertEquals(1, small);
        assertEquals(small, large, "statements for a page of 2 and a page of 30");
        // every match in order (planned for its words, then kept) + the page's rows; the unit tree is the index the
        // first list read and kept
        assertEquals(3, searched);
        assertEquals(1, searchedOn, "statements for the next page of a search");
        assertEquals(2, deadlines);
        // agency exists + the entries + their first sections: a feed counts nothing
        assertEquals(3, feed);
        // the posting with its unit path, sections, committee, links, contacts and stages
        assertEquals(1, detail);
    }
}
