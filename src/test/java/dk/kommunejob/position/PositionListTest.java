package dk.kommunejob.position;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.common.Copenhagen;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PositionListTest {

    private static final LocalDate TODAY = LocalDate.now(Copenhagen.ZONE);

    private static RequestSpecification positionsOf(Org org) {
        return given().queryParam("employer", org.employerId());
    }

    @Test
    void listsOnlyOpenPublishedPositionsByDefault() {
        Org org = TestData.org();
        Position open = TestData.position(org, p -> p.title = "Åben");
        TestData.position(org, p -> p.applicationDeadline = Copenhagen.endOfDay(TODAY.minusDays(1)));
        TestData.position(org, p -> {
            p.status = PositionStatus.draft;
            p.publishedAt = null;
        });
        TestData.position(org, p -> p.status = PositionStatus.withdrawn);

        positionsOf(org)
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("page", equalTo(1))
                .body("size", equalTo(20))
                .body("items.id", contains(open.id.intValue()))
                .body("items[0].slug", equalTo(open.slug))
                .body("items[0].title", equalTo("Åben"))
                .body("items[0].status", equalTo("open"))
                .body("items[0].unit.id", equalTo((int) org.unitId()))
                .body("items[0].employer.id", equalTo((int) org.employerId()))
                .body("items[0].agency", nullValue())
                .body(
                        "items[0].applicationDeadline",
                        equalTo(Copenhagen.endOfDay(TODAY.plusDays(10)).toString()));
    }

    @Test
    void statusSelectsOpenClosedOrAllButNeverDraftsOrWithdrawn() {
        Org org = TestData.org();
        Position open = TestData.position(org, p -> p.applicationDeadline = Copenhagen.endOfDay(TODAY.plusDays(1)));
        Position closed = TestData.position(org, p -> p.applicationDeadline = Copenhagen.endOfDay(TODAY.minusDays(3)));
        TestData.position(org, p -> p.status = PositionStatus.withdrawn);

        positionsOf(org)
                .queryParam("status", "closed")
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items.id", contains(closed.id.intValue()))
                .body("items[0].status", equalTo("closed"));
        positionsOf(org)
                .queryParam("status", "all")
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(closed.id.intValue(), open.id.intValue()));
    }

    @Test
    void unitFilterIncludesSubUnits() {
        Org org = TestData.org();
        Position inUnit = TestData.position(org, p -> {});
        Position inDepartment = TestData.position(org, p -> p.unit = TestData.unit(org.departmentId()));
        Position elsewhere = TestData.position(org, p -> p.unit = TestData.unit(org.otherDepartmentId()));

        given().queryParam("unit", org.departmentId())
                .queryParam("sort", "title")
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", containsInAnyOrder(inUnit.id.intValue(), inDepartment.id.intValue()));
        given().queryParam("unit", org.directorateId())
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("total", equalTo(3));
        given().queryParam("unit", org.unitId())
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items.id", contains(inUnit.id.intValue()));
        given().queryParam("unit", org.otherDepartmentId())
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items.id", contains(elsewhere.id.intValue()));
    }

    @Test
    void agencyFilterShowsTheAgencysPositions() {
        Org org = TestData.org();
        Position withAgency = TestData.position(org, p -> p.agency = TestData.agency(org.agencyId()));
        TestData.position(org, p -> {});

        given().queryParam("agency", org.agencyId())
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items.id", contains(withAgency.id.intValue()))
                .body("items[0].agency.id", equalTo((int) org.agencyId()))
                .body("items[0].agency.name", equalTo(TestData.agency(org.agencyId()).name));
    }

    @Test
    void deadlineRangeIsInclusiveCopenhagenDates() {
        Org org = TestData.org();
        Position early = TestData.position(org, p -> p.applicationDeadline = Copenhagen.endOfDay(TODAY.plusDays(5)));
        Position middle = TestData.position(org, p -> p.applicationDeadline = Copenhagen.endOfDay(TODAY.plusDays(6)));
        Position late = TestData.position(org, p -> p.applicationDeadline = Copenhagen.endOfDay(TODAY.plusDays(7)));

        positionsOf(org)
                .queryParam("deadlineFrom", TODAY.plusDays(6).toString())
                .queryParam("deadlineTo", TODAY.plusDays(7).toString())
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items.id", contains(middle.id.intValue(), late.id.intValue()));
        positionsOf(org)
                .queryParam("deadlineTo", TODAY.plusDays(5).toString())
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items.id", contains(early.id.intValue()));
        positionsOf(org)
                .queryParam("deadlineFrom", TODAY.plusDays(8).toString())
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
    }

    @Test
    void sortsByDeadlinePublicationAndDanishTitle() {
        Org org = TestData.org();
        OffsetDateTime now = OffsetDateTime.now();
        Position a = TestData.position(org, p -> {
            p.title = "Zoneterapeut";
            p.applicationDeadline = Copenhagen.endOfDay(TODAY.plusDays(3));
            p.publishedAt = now.minusDays(2);
        });
        Position b = TestData.position(org, p -> {
            p.title = "Ærgoterapeut";
            p.applicationDeadline = Copenhagen.endOfDay(TODAY.plusDays(1));
            p.publishedAt = now.minusDays(1);
        });
        Position c = TestData.position(org, p -> {
            p.title = "Økonom";
            p.applicationDeadline = Copenhagen.endOfDay(TODAY.plusDays(2));
            p.publishedAt = now.minusDays(3);
        });
        Position d = TestData.position(org, p -> {
            p.title = "Arkivar";
            p.applicationDeadline = Copenhagen.endOfDay(TODAY.plusDays(4));
            p.publishedAt = now.minusDays(4);
        });

        positionsOf(org)
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains(b.id.intValue(), c.id.intValue(), a.id.intValue(), d.id.intValue()));
        positionsOf(org)
                .queryParam("sort", "deadline")
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains(b.id.intValue(), c.id.intValue(), a.id.intValue(), d.id.intValue()));
        positionsOf(org)
                .queryParam("sort", "-deadline")
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains(d.id.intValue(), a.id.intValue(), c.id.intValue(), b.id.intValue()));
        positionsOf(org)
                .queryParam("sort", "-publishedAt")
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains(b.id.intValue(), a.id.intValue(), c.id.intValue(), d.id.intValue()));
        // Danish alphabet: ... Z, Æ, Ø, Å.
        positionsOf(org)
                .queryParam("sort", "title")
                .get("/api/v1/positions")
                .then()
                .body("items.title", contains("Arkivar", "Zoneterapeut", "Ærgoterapeut", "Økonom"));
    }

    @Test
    void pagesSplitTheListWithoutOverlapOrGaps() {
        Org org = TestData.org();
        int[] ids = new int[5];
        for (int i = 0; i < 5; i++) {
            int days = i + 1;
            ids[i] = TestData.position(org, p -> p.applicationDeadline = Copenhagen.endOfDay(TODAY.plusDays(days)))
                    .id
                    .intValue();
        }

        positionsOf(org)
                .queryParam("size", 2)
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains(ids[0], ids[1]))
                .body("total", equalTo(5))
                .body("size", equalTo(2));
        positionsOf(org)
                .queryParam("size", 2)
                .queryParam("page", 2)
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains(ids[2], ids[3]))
                .body("page", equalTo(2));
        positionsOf(org)
                .queryParam("size", 2)
                .queryParam("page", 3)
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains(ids[4]));
        positionsOf(org)
                .queryParam("size", 2)
                .queryParam("page", 4)
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(5));
        positionsOf(org)
                .queryParam("size", 100)
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(5))
                .body("size", equalTo(100));
        positionsOf(org)
                .queryParam("size", 1)
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items.id", contains(ids[0]));
    }
}
