package dk.kommunejob.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

/** The committed Kubernetes manifests, parsed. */
final class Manifests {

    static final Path COMMITTED = Path.of("deploy/kubernetes/kubernetes.yml");
    static final Path GENERATED = Path.of("target/kubernetes/kubernetes.yml");
    /** The one line the build writes that changes with every commit; the committed copy leaves it out. */
    static final String COMMIT_ID = "app.quarkus.io/commit-id";

    private final List<JsonNode> resources;

    private Manifests(List<JsonNode> resources) {
        this.resources = resources;
    }

    static Manifests committed() {
        return read(COMMITTED);
    }

    static Manifests read(Path file) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            return new Manifests(StreamSupport.stream(
                            yaml.readerFor(JsonNode.class)
                                    .<JsonNode>readValues(Files.readString(file))
                                    .readAll()
                                    .spliterator(),
                            false)
                    .filter(node -> !node.isEmpty())
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one resource of this kind and name. */
    JsonNode get(String kind, String name) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind)
                        && r.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + COMMITTED));
    }

    List<JsonNode> all(String kind) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind))
                .toList();
    }

    /** The resources without the commit id, with every env list in name order: what two builds agree on. */
    List<JsonNode> normalised() {
        return resources.stream().map(r -> normalise(r.deepCopy())).toList();
    }

    private static JsonNode normalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(COMMIT_ID);
            object.fields().forEachRemaining(field -> normalise(field.getValue()));
            if (object.get("env") instanceof ArrayNode env) {
                List<JsonNode> sorted = new java.util.ArrayList<>(list(env));
                sorted.sort(java.util.Comparator.comparing(e -> e.path("name").asText()));
                env.removeAll();
                env.addAll(sorted);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Manifests::normalise);
        }
        return node;
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
