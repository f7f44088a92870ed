package dk.kommunejob.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dk.kommunejob.problem.ProblemType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path COMMITTED = Path.of("openapi/openapi.yaml");

    @Test
    void theCommittedDocumentIsWhatTheServiceServes() throws IOException {
        String served = given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // Compared as trees: the build and the running service may order keys differently.
        assertEquals(
                YAML.readTree(Files.readString(COMMITTED)),
                YAML.readTree(served),
                "openapi/openapi.yaml is stale: run ./mvnw package -DskipTests (it writes the document) and commit it");
    }

    @Test
    void everyOperationAndParameterIsDescribedWithAnExample() {
        JsonPath doc = servedDocument();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String where = method.toUpperCase() + " " + path;
            if (operation.get("summary") == null || operation.get("description") == null) {
                missing.add(where + ": summary or description");
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parameters =
                    (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
            for (Map<String, Object> given : parameters) {
                // A shared parameter is described once, under components.
                Map<String, Object> parameter = given.containsKey("$ref")
                        ? doc.getMap("components.parameters."
                                + given.get("$ref").toString().replace("#/components/parameters/", ""))
                        : given;
                if (parameter.get("description") == null
                        || (parameter.get("example") == null && parameter.get("examples") == null)) {
                    missing.add(where + ": parameter " + parameter.get("name"));
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((status, response) -> {
                if (status.startsWith("4")
                        && !String.valueOf(response.get("$ref")).startsWith("#/components/responses/")) {
                    missing.add(where + ": " + status + " is not the shared problem response");
                }
            });
        }));
        assertTrue(missing.isEmpty(), "undocumented: " + missing);

        Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
        schemas.forEach((name, schema) -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
            if (properties != null) {
                properties.forEach((property, definition) -> {
                    if (definition.get("description") == null
                            && definition.get("$ref") == null
                            && definition.get("allOf") == null) {
                        missing.add(name + "." + property);
                    }
                });
            }
        });
        assertTrue(missing.isEmpty(), "schema properties without a description: " + missing);
        assertEquals(
                "application/problem+json",
                doc.getMap("components.responses.BadRequest.content")
                        .keySet()
                        .iterator()
                        .next());
    }

    /** A generated client's method names: changing one breaks its users, so it must be deliberate. */
    private static final Set<String> OPERATION_IDS = Set.of(
            "listPositions",
            "getPosition",
            "listPositionContacts",
            "listPositionStages",
            "createPosition",
            "getEditablePosition",
            "checkPosition",
            "getPositionHistory",
            "replacePosition",
            "patchPosition",
            "deletePosition",
            "publishPosition",
            "closePosition",
            "withdrawPosition",
            "reopenPosition",
            "listDeadlines",
            "listUnits",
            "createUnit",
            "getEditableUnit",
            "replaceUnit",
            "closeUnit",
            "deleteUnit",
            "listEmployers",
            "getEmployer",
            "createEmployer",
            "getEditableEmployer",
            "replaceEmployer",
            "getPayTransparency",
            "listAgencies",
            "createAgency",
            "getEditableAgency",
            "replaceAgency",
            "listEngagements",
            "createEngagement",
            "getEngagement",
            "changeEngagement",
            "syncAgencyPosition",
            "listClients",
            "createClient",
            "revokeClient",
            "listChanges",
            "listWebhooks",
            "createWebhook",
            "getWebhook",
            "replaceWebhook",
            "deleteWebhook",
            "listWebhookAttempts",
            "pauseWebhook",
            "resumeWebhook",
            "redeliverWebhook",
            "redeliverWebhookAttempt",
            "rotateWebhookSecret",
            "positionsRss",
            "positionsAtom",
            "positionCalendar",
            "deadlinesCalendar",
            "suggest");

    @Test
    void everyOperationHasItsStableIdAndDocumentsTheSharedAnswers() {
        JsonPath doc = servedDocument();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> ids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String where = method.toUpperCase() + " " + path;
            ids.add((String) operation.get("operationId"));
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            List<String> shared = new ArrayList<>(List.of("401", "414", "500", "503"));
            if (operation.containsKey("requestBody")) {
                shared.add("413");
            }
            shared.stream().filter(s -> !responses.containsKey(s)).forEach(s -> missing.add(where + " " + s));
            if (responses.containsKey("429")) {
                responses.entrySet().stream()
                        .filter(r -> r.getKey().startsWith("2"))
                        .filter(r ->
                                !String.valueOf(r.getValue().get("headers")).contains("RateLimit-Policy"))
                        .forEach(r -> missing.add(where + " " + r.getKey() + " RateLimit headers"));
            }
        }));
        assertEquals(OPERATION_IDS, Set.copyOf(ids), "operation ids");
        assertEquals(OPERATION_IDS.size(), ids.size(), "one id per operation, none twice");
        assertTrue(missing.isEmpty(), "undocumented: " + missing);

        // One parameter name per path position: two paths that differ only in names are one path.
        Map<String, String> byShape = new HashMap<>();
        paths.keySet().forEach(path -> {
            String other = byShape.put(path.replaceAll("\\{[^}]+}", "{}"), path);
            assertTrue(other == null, other + " and " + path + " are the same path");
        });
        assertTrue(!doc.getList("servers").isEmpty(), "servers");
        String types = doc.getString("components.schemas.Problem.properties.type.description");
        for (ProblemType type : ProblemType.values()) {
            assertTrue(types.contains(type.uri.toString()), "problem type documented: " + type);
        }
    }

    private static JsonPath servedDocument() {
        return given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
