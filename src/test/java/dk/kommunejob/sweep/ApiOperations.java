package dk.kommunejob.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of the OpenAPI document the service serves, each with what a valid request needs:
 * its parameters and a body built from the document's own examples. The sweep takes everything it
 * sends from here, so an operation added later is swept without anyone remembering to.
 */
final class ApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    record Parameter(String name, String in, JsonNode schema, boolean required, JsonNode example) {

        String type() {
            return schema.path("type").asText("string");
        }
    }

    record Operation(
            String method,
            String path,
            String id,
            List<Parameter> parameters,
            String bodyType,
            JsonNode bodyExample,
            boolean secured) {

        boolean hasHeader(String name) {
            return parameters.stream()
                    .anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase(name));
        }

        @Override
        public String toString() {
            return "%s %s (%s)".formatted(method.toUpperCase(), path, id);
        }
    }

    private final JsonNode document;

    ApiOperations(JsonNode document) {
        this.document = document;
    }

    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                    if (METHODS.contains(entry.getKey())) {
                        operations.add(operation(path.getKey(), entry.getKey(), entry.getValue()));
                    }
                }));
        return operations;
    }

    private Operation operation(String path, String method, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode p = resolve(parameter);
            parameters.add(new Parameter(
                    p.path("name").asText(),
                    p.path("in").asText(),
                    resolve(p.path("schema")),
                    p.path("required").asBoolean(),
                    p.has("example") ? p.get("example") : example(p.path("schema"), 0)));
        }
        String bodyType = null;
        JsonNode example = null;
        Iterator<Map.Entry<String, JsonNode>> content =
                resolve(operation.path("requestBody")).path("content").fields();
        if (content.hasNext()) {
            Map.Entry<String, JsonNode> media = content.next();
            bodyType = media.getKey();
            example = media.getValue().has("example")
                    ? media.getValue().get("example").deepCopy()
                    : example(media.getValue().path("schema"), 0);
        }
        return new Operation(
                method,
                path,
                operation.path("operationId").asText(),
                parameters,
                bodyType,
                example,
                !operation.path("security").isMissingNode()
                        && !operation.path("security").isEmpty());
    }

    /** A value of the schema from its examples: every property but the deprecated, one item of every array. */
    JsonNode example(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("example")) {
            return s.get("example").deepCopy();
        }
        if (s.has("allOf")) {
            return example(s.get("allOf").get(0), depth);
        }
        if (s.has("enum")) {
            return s.get("enum").get(0).deepCopy();
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (s.has("properties") && depth < 6) {
            ObjectNode object = nodes.objectNode();
            // What a current client sends: not the fields kept for one version under an old name.
            s.get("properties").fields().forEachRemaining(p -> {
                if (!p.getValue().path("deprecated").asBoolean()) {
                    object.set(p.getKey(), example(p.getValue(), depth + 1));
                }
            });
            return object;
        }
        switch (s.path("type").asText("object")) {
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(example(s.path("items"), depth + 1));
                return array;
            }
            case "integer", "number" -> {
                return nodes.numberNode(1);
            }
            case "boolean" -> {
                return nodes.booleanNode(true);
            }
            case "string" -> {
                return nodes.textNode("x");
            }
            default -> {
                return nodes.objectNode();
            }
        }
    }

    /** The node a `$ref` points at (to any depth), or the node itself. */
    JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            JsonNode target = document;
            for (String part : node.get("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    static ApiOperations of(String json) {
        try {
            return new ApiOperations(new ObjectMapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the served OpenAPI document is JSON", e);
        }
    }
}
