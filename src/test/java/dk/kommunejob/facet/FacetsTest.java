package dk.kommunejob.facet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.common.Copenhagen;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Facet counts equal the totals of the lists their values choose, and `hours` filters by the derived field. */
@QuarkusTest
class FacetsTest {

    @Test
    void everyFacetCountIsTheTotalOfTheListThatValueChooses() {
        Org org = TestData.org();
        // A word only these postings have keeps the counts to this test's data.
        String word = "facet" + UUID.randomUUID().toString().substring(0, 8);
        TestData.position(org, p -> {
            p.title = "Pædagog " + word;
            p.workingHours = "37 timer om ugen";
            p.agency = TestData.agency(org.agencyId());
        });
        TestData.position(org, p -> {
            p.title = "Lærer " + word;
            p.workingHours = "30 timer om ugen";
            p.unit = TestData.unit(org.otherDepartmentId());
        });
        TestData.position(org, p -> {
            p.title = "Leder " + word;
            p.workingHours = "Fuld tid";
            p.unit = TestData.unit(org.departmentId());
            p.agency = TestData.agency(org.agencyId());
        });
        TestData.position(org, p -> {
            p.title = "Sekretær " + word;
            p.workingHours = "Efter aftale"; // says neither: no hours
        });

        for (String filters :
                List.of("q=" + word, "q=" + word + "&hours=full_time", "q=" + word + "&unit=" + org.departmentId())) {
            JsonPath answer = given().get("/api/v1/positions?facets=unit,agency,employer,hours&" + filters)
                    .then()
                    .statusCode(200)
                    .body("facets.name", equalTo(List.of("unit", "agency", "employer", "hours")))
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> facets = answer.getList("facets");
            for (Map<String, Object> facet : facets) {
                String name = (String) facet.get("name");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> values = (List<Map<String, Object>>) facet.get("values");
                assertFalse(values.isEmpty(), filters + ": " + name);
                for (Map<String, Object> value : values) {
                    String chosen =
                            filters.replaceAll("&" + name + "=[^&]*", "") + "&" + name + "=" + value.get("value");
                    int total = given().get("/api/v1/positions?" + chosen)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("total");
                    assertEquals(((Number) value.get("count")).longValue(), total, chosen);
                }
            }
        }

        // The counts themselves: the directorate holds all four, the department its own and its unit's.
        given().get("/api/v1/positions?facets=unit,hours&q=" + word)
                .then()
                .body("total", equalTo(4))
                .body("facets[0].label", equalTo("Enhed"))
                .body("facets[0].values.find { it.value == '" + org.directorateId() + "' }.count", equalTo(4))
                .body("facets[0].values.find { it.value == '" + org.departmentId() + "' }.count", equalTo(3))
                .body("facets[0].values.find { it.value == '" + org.otherDepartmentId() + "' }.count", equalTo(1))
                .body("facets[1].values.value", equalTo(List.of("full_time", "part_time")))
                .body("facets[1].values.count", equalTo(List.of(2, 1)))
                .body("facets[1].values.label", equalTo(List.of("Fuld tid", "Deltid")));
        given().header("Accept-Language", "en")
                .get("/api/v1/positions?facets=hours&q=" + word)
                .then()
                .body("facets[0].label", equalTo("Working hours"))
                .body("facets[0].values.label", equalTo(List.of("Full time", "Part time")));
    }

    /**
     * Counts are kept like totals: each request below is a page the response cache has not seen, so it is the kept
     * counts that must follow a write and a deadline.
     */
    @Test
    void keptCountsFollowWritesAndDeadlines() {
        Org org = TestData.org();
        LocalDateTime deadline = LocalDate.now(Copenhagen.ZONE).plusDays(20).atTime(14, 30);
        TestData.position(org, p -> {
            p.workingHours = "37 timer om ugen";
            p.applicationDeadline = deadline.atZone(Copenhagen.ZONE).toOffsetDateTime();
        });
        String panel = "/api/v1/positions?facets=hours,unit,agency&employer=" + org.employerId() + "&page=";
        at(deadline.minusSeconds(30));
        fullTime(panel + 1, 1);

        TestData.position(org, p -> {
            p.workingHours = "Fuld tid";
            p.applicationDeadline = Copenhagen.endOfDay(deadline.toLocalDate().plusDays(1));
        });
        fullTime(panel + 2, 2);

        at(deadline.plusSeconds(1));
        fullTime(panel + 3, 1);
        given().get(panel + 4)
                .then()
                .body("facets[1].values.find { it.value == '" + org.unitId() + "' }.count", equalTo(1))
                .body("facets[2].values", equalTo(List.of()));
    }

    private static void fullTime(String path, int count) {
        given().get(path)
                .then()
                .statusCode(200)
                .body("facets[0].values.value", equalTo(List.of("full_time")))
                .body("facets[0].values.count", equalTo(List.of(count)));
    }

    /** Moves the service's clock to this Copenhagen wall-clock time, for the current test only. */
    private static void at(LocalDateTime localTime) {
        QuarkusMock.installMockForType(
                Clock.fixed(localTime.atZone(Copenhagen.ZONE).toInstant(), Copenhagen.ZONE), Clock.class);
    }

    @Test
    void hoursFilterUsesWhatTheWorkingHoursSay() {
        Org org = TestData.org();
        String word = "hours" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> texts = Map.of(
                "37 timer om ugen", "full_time",
                "32 timer om ugen", "part_time",
                "Fuld tid", "full_time",
                "Deltid, 25 timer", "part_time",
                "37,5 timer", "full_time");
        texts.keySet()
                .forEach(text -> TestData.position(org, p -> {
                    p.title = text + " " + word;
                    p.workingHours = text;
                }));
        TestData.position(org, p -> {
            p.title = "Terms " + word;
            p.workingHours = null;
            p.employmentTerms = "Stillingen er på fuld tid og på overenskomstvilkår.";
        });
        given().get("/api/v1/positions?hours=full_time&q=" + word)
                .then()
                .body("total", equalTo(4))
                .body("items.hours", hasItems("full_time"))
                .body("items.hoursLabel", hasItems("Fuld tid"));
        given().get("/api/v1/positions?hours=part_time&q=" + word).then().body("total", equalTo(2));
        given().get("/api/v1/positions?hours=weekends&q=" + word)
                .then()
                .statusCode(400)
                .body("parameter", equalTo("hours"));
    }

    @Test
    void anUnknownFacetIsNamedInAProblem() {
        given().get("/api/v1/positions?facets=unit,salary")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("facets"));
        given().get("/api/v1/positions?facets=unit,,hours")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("facets"));
    }

    @Test
    void withoutFacetsTheListHasNone() {
        given().get("/api/v1/positions").then().statusCode(200).body("facets", equalTo(null));
    }
}
