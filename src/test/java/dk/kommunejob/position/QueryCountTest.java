package dk.kommunejob.position;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** A list costs the same number of statements for 2 items as for 30: no N+1. */
@QuarkusTest
class QueryCountTest {

    @Inject
    SessionFactory sessionFactory;

    private long statementsFor(Runnable request) {
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        request.run();
        return statistics.getPrepareStatementCount();
    }

    @Test
    void listQueriesDoNotGrowWithThePageSize() {
        Org org = TestData.org();
        for (int i = 0; i < 30; i++) {
            TestData.position(org, p -> p.agency = TestData.agency(org.agencyId()));
        }

        // When answers expire is looked up once per version of the data, not per request.
        given().get("/api/v1/agencies").then().statusCode(200);

        long small = statementsFor(() -> given().queryParam("employer", org.employerId())
                .queryParam("size", 2)
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
        long deadlines = statementsFor(() ->
                given().queryParam("size", 30).get("/api/v1/deadlines").then().statusCode(200));

        assertEquals(small, large, "statements for a page of 2 and a page of 30");
        // employer exists + ids + count + positions with unit, employer and agency
        assertEquals(4, large);
        assertEquals(4, searched);
        assertEquals(3, deadlines);
    }
}
