package dk.kommunejob.deadline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.position.Position;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** A deadline given as a date closes at the end of that Copenhagen day, summer time or not. */
@QuarkusTest
class DeadlineRulesTest {

    /** Moves the service's clock to this Copenhagen wall-clock time, for the current test only. */
    private static void at(LocalDateTime localTime) {
        ZonedDateTime time = localTime.atZone(Copenhagen.ZONE);
        QuarkusMock.installMockForType(Clock.fixed(time.toInstant(), Copenhagen.ZONE), Clock.class);
    }

    @Test
    void endOfDayIsTheLastSecondInLocalTimeOnEveryKindOfDay() {
        assertEquals(
                "2025-05-25T23:59:59+02:00",
                Copenhagen.endOfDay(LocalDate.of(2025, 5, 25)).toString());
        assertEquals(
                "2023-11-09T23:59:59+01:00",
                Copenhagen.endOfDay(LocalDate.of(2023, 11, 9)).toString());
        // 30 March 2025 has 23 hours (02:00 → 03:00), 26 October 2025 has 25 (03:00 → 02:00).
        assertEquals(
                "2025-03-30T23:59:59+02:00",
                Copenhagen.endOfDay(LocalDate.of(2025, 3, 30)).toString());
        assertEquals(
                "2025-10-26T23:59:59+01:00",
                Copenhagen.endOfDay(LocalDate.of(2025, 10, 26)).toString());
        assertEquals(
                "2025-03-29T23:59:59+01:00",
                Copenhagen.endOfDay(LocalDate.of(2025, 3, 29)).toString());
    }

    @Test
    void aPositionIsOpenThroughTheLastSecondAndClosedAtMidnightWithNobodyActing() {
        Org org = TestData.org();
        LocalDate deadline = LocalDate.of(2031, 6, 20);
        Position p = TestData.position(org, x -> x.applicationDeadline = Copenhagen.endOfDay(deadline));

        at(deadline.atTime(23, 59, 59));
        given().get("/api/v1/positions/" + p.id)
                .then()
                .statusCode(200)
                .body("status", equalTo("open"))
                .body("applicationDeadline", equalTo("2031-06-20T23:59:59+02:00"));
        given().queryParam("employer", org.employerId())
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains(p.id.intValue()));

        at(deadline.plusDays(1).atStartOfDay());
        given().get("/api/v1/positions/" + p.id).then().statusCode(200).body("status", equalTo("closed"));
        given().queryParam("employer", org.employerId())
                .get("/api/v1/positions")
                .then()
                .body("items", empty());
        given().queryParam("employer", org.employerId())
                .queryParam("status", "closed")
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains(p.id.intValue()));
    }

    @Test
    void deadlinesOnDaylightSavingChangeDaysCloseAtLocalMidnight() {
        Org org = TestData.org();
        LocalDate springForward = LocalDate.of(2031, 3, 30);
        LocalDate fallBack = LocalDate.of(2031, 10, 26);
        Position spring = TestData.position(org, x -> x.applicationDeadline = Copenhagen.endOfDay(springForward));
        Position autumn = TestData.position(org, x -> x.applicationDeadline = Copenhagen.endOfDay(fallBack));

        given().get("/api/v1/positions/" + spring.id)
                .then()
                .body("applicationDeadline", equalTo("2031-03-30T23:59:59+02:00"));
        given().get("/api/v1/positions/" + autumn.id)
                .then()
                .body("applicationDeadline", equalTo("2031-10-26T23:59:59+01:00"));

        // 23:30 local on the spring day is 21:30 UTC; a deadline computed in winter time would have closed.
        at(springForward.atTime(23, 30));
        given().get("/api/v1/positions/" + spring.id).then().body("status", equalTo("open"));
        at(springForward.plusDays(1).atStartOfDay());
        given().get("/api/v1/positions/" + spring.id).then().body("status", equalTo("closed"));

        // 23:30 local on the autumn day is 22:30 UTC; a deadline computed in summer time would have closed.
        at(fallBack.atTime(23, 30));
        given().get("/api/v1/positions/" + autumn.id).then().body("status", equalTo("open"));
        at(fallBack.plusDays(1).atStartOfDay());
        given().get("/api/v1/positions/" + autumn.id).then().body("status", equalTo("closed"));
    }

    @Test
    void deadlinesListsOpenPositionsSoonestFirstWithDaysLeft() {
        Org org = TestData.org();
        LocalDate today = LocalDate.of(2031, 1, 10);
        Position dueToday = TestData.position(org, x -> x.applicationDeadline = Copenhagen.endOfDay(today));
        Position inThreeDays =
                TestData.position(org, x -> x.applicationDeadline = Copenhagen.endOfDay(today.plusDays(3)));
        TestData.position(org, x -> x.applicationDeadline = Copenhagen.endOfDay(today.minusDays(1)));
        at(today.atTime(12, 0));

        // Filtered to this test's dates; other tests' positions lie outside them.
        given().queryParam("from", today.toString())
                .queryParam("to", today.plusDays(3).toString())
                .get("/api/v1/deadlines")
                .then()
                .statusCode(200)
                .body("items.positionId", contains(dueToday.id.intValue(), inThreeDays.id.intValue()))
                .body("items.daysLeft", contains(0, 3))
                .body("items[0].title", equalTo(dueToday.title))
                .body("items[0].slug", equalTo(dueToday.slug))
                .body("items[0].unit.id", equalTo((int) org.unitId()))
                .body("items[1].applicationDeadline", equalTo("2031-01-13T23:59:59+01:00"))
                .body("total", equalTo(2));
        given().queryParam("from", today.plusDays(1).toString())
                .queryParam("to", today.plusDays(3).toString())
                .get("/api/v1/deadlines")
                .then()
                .body("items.positionId", contains(inThreeDays.id.intValue()));
    }
}
