package dk.kommunejob.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed parameter is a 400 problem that names it; nothing is a 500. */
@QuarkusTest
class BadInputTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/positions|size|101|from 1 to 100",
                "/api/v1/positions|size|0|from 1 to 100",
                "/api/v1/positions|size|ten|whole number",
                "/api/v1/positions|page|0|at least 1",
                "/api/v1/positions|page|-1|at least 1",
                "/api/v1/positions|page|99999999999|at most 2147483647",
                "/api/v1/positions|page|1.5|whole number",
                "/api/v1/positions|sort|price|one of deadline, -deadline, -publishedAt, title",
                "/api/v1/positions|sort|DEADLINE|one of deadline",
                "/api/v1/positions|status|draft|one of open, closed, all",
                "/api/v1/positions|deadlineFrom|2025-13-01|ISO date",
                "/api/v1/positions|deadlineTo|25-05-2025|ISO date",
                "/api/v1/positions|unit|abc|positive numeric id",
                "/api/v1/positions|unit|-4|positive numeric id",
                "/api/v1/positions|unit|987654321|no unit with id 987654321",
                "/api/v1/positions|employer|987654321|no employer with id 987654321",
                "/api/v1/positions|agency|987654321|no agency with id 987654321",
                "/api/v1/deadlines|from|tomorrow|ISO date",
                "/api/v1/deadlines|to|2025-02-30|ISO date",
                "/api/v1/deadlines|size|1000|from 1 to 100",
                "/api/v1/units|employer|x|positive numeric id",
                "/api/v1/units|employer|987654321|no employer with id 987654321",
                "/api/v1/positions|q|skole\u0000leder|control characters",
            })
    void badQueryParametersAreNamedInA400Problem(String path, String parameter, String value, String says) {
        given().header("Accept-Language", "en")
                .queryParam(parameter, value)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid parameter"))
                .body("parameter", equalTo(parameter))
                .body("detail", containsString("'" + parameter + "'"))
                .body("detail", containsString(says))
                .body("instance", equalTo(path));
    }

    @Test
    void overlongSearchesAreRefused() {
        given().queryParam("q", "skole ".repeat(50))
                .get("/api/v1/positions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("q"))
                .body("detail", containsString("højst være på 200 tegn"));
    }

    @Test
    void whatCannotBeASlugIsNotFound() {
        for (String key : new String[] {"Not a slug", "æble", "x".repeat(2000)}) {
            given().get("/api/v1/positions/{key}", key).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @ParameterizedTest
    @CsvSource({"nul%00byte, U+0000", "bell%07, U+0007", "%1B%5B31m, U+001B"})
    void pathParametersWithControlCharactersAreNamedInA400(String id, String says) {
        given().urlEncodingEnabled(false)
                .header("Accept-Language", "en")
                .get("/api/v1/positions/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("id"))
                .body("detail", containsString("Path parameter 'id'"))
                .body("detail", containsString(says));
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/employers/987654321",
        "/api/v1/employers/abc",
        "/api/v1/positions/no-such-slug",
        "/api/v1/positions/no-such-slug/stages",
        "/api/v1/nothing-here"
    })
    void unknownResourcesAre404Problems(String path) {
        given().get(path)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/deadlines", "/api/v1/suggestions", "/api/v1/changes", "/api/v1/employers/1"})
    void writesToReadOnlyResourcesAre405Problems(String path) {
        given().contentType("application/json")
                .body("{}")
                .post(path)
                .then()
                .statusCode(405)
                .contentType("application/problem+json");
    }
}
