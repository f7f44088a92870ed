package dk.kommunejob.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import dk.kommunejob.position.Position;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsTest {

    @Test
    void aRequestShowsUnderItsRouteAndStatusAndACacheHitUnderTheSameRoute() {
        Position position = TestData.position(TestData.org(), p -> {});
        String route = "uri=\"/api/v1/positions/{id}\"";
        double before = requests(route, "200");

        given().get("/api/v1/positions/" + position.slug).then().statusCode(200); // a miss, read by the REST layer
        given().get("/api/v1/positions/" + position.slug).then().statusCode(200); // a hit, from the cache
        given().get("/api/v1/positions/ingen-saadan").then().statusCode(404);

        assertEquals(before + 2, requests(route, "200"));
        assertTrue(requests(route, "404") >= 1);
    }

    @Test
    void theServicesOwnFiguresAndThePoolAreThere() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jobs_response_cache_total{result=\"hit\"}"))
                .body(containsString("jobs_response_cache_total{result=\"miss\"}"))
                .body(containsString("jobs_positions_open "))
                .body(containsString("jobs_changes_head "))
                .body(containsString("jobs_deadline_checks_total "))
                .body(containsString("jobs_reads_busy_total "))
                .body(containsString("agroal_active_count{datasource=\"default\"}"));
    }

    /** The count of requests to a route with a status, from the Prometheus text. */
    private static double requests(String route, String status) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^http_server_requests_seconds_count\\{(.*)\\} (\\S+)$")
                .matcher(text);
        double sum = 0;
        while (line.find()) {
            if (line.group(1).contains(route) && line.group(1).contains("status=\"" + status + "\"")) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }
}
