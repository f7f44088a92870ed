package dk.kommunejob.sweep;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.sweep.ApiOperations.Operation;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the served OpenAPI document swept with hostile input (README, "Contract"):
 * wrong types, numbers at and past their bounds, empty, blank, huge and control-character text,
 * NUL, unpaired surrogates, right-to-left overrides and emoji, deep nesting, broken JSON, duplicate
 * keys, invalid UTF-8, bodies of other media types and over the size limit, odd path ids and odd
 * conditional, content, language and authorization headers. See {@link Sweep} for what each answer
 * must be.
 */
@QuarkusTest
class HostileInputSweepTest {

    @TestHTTPResource("/")
    URI root;

    @Inject
    AgroalDataSource database;

    @Test
    void everyOperationWithAnAdminKey() {
        ApiOperations document = served();
        Sweep sweep = new Sweep(root.toString(), document, new StoredData(database), BOOTSTRAP_KEY);
        List<Operation> operations = document.all();
        for (Operation operation : operations) {
            sweep.everything(operation, Fixtures::forOperation);
        }
        report("with an admin key", sweep, operations);
        // Each operation's valid request goes through, so the hostile ones differ from a valid one in one place only.
        Map<String, Integer> invalidBaselines = sweep.baselines().entrySet().stream()
                .filter(e -> e.getValue() >= 300)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), invalidBaselines, "operations whose valid request was not valid");
    }

    @Test
    void everyOperationWithoutAKey() {
        ApiOperations document = served();
        Sweep sweep = new Sweep(root.toString(), document, new StoredData(database), null);
        List<Operation> operations = document.all();
        for (Operation operation : operations) {
            if (operation.secured()) {
                // Refused before anything else is read: what reaches it is the path and the headers.
                sweep.pathsAndHeaders(operation, Fixtures.forOperation(operation.id()));
            } else {
                sweep.everything(operation, Fixtures::forOperation);
            }
        }
        report("without a key", sweep, operations);
    }

    private static ApiOperations served() {
        return ApiOperations.of(given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static void report(String how, Sweep sweep, List<Operation> operations) {
        int total = sweep.sent().values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                "Hostile input sweep %s: %d requests over %d operations (%d header values unsendable)%n",
                how, total, sweep.sent().size(), sweep.unsendable());
        sweep.sent()
                .forEach((operation, count) -> System.out.printf(
                        "  %-28s %5d  (valid request: %d)%n",
                        operation, count, sweep.baselines().get(operation)));
        List<String> unswept = operations.stream()
                .map(Operation::id)
                .filter(id -> !sweep.sent().containsKey(id))
                .toList();
        assertEquals(List.of(), unswept, "operations the sweep sent nothing");
        assertTrue(
                sweep.failures().isEmpty(),
                sweep.failures().size() + " answers broke the rules:\n"
                        + sweep.failures().stream().limit(80).collect(Collectors.joining("\n")));
    }
}
