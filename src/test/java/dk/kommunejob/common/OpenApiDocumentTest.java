package dk.kommunejob.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
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
            for (Map<String, Object> parameter : parameters) {
                if (parameter.get("description") == null || parameter.get("example") == null) {
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
}
