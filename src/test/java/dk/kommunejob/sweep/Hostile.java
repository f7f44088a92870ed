package dk.kommunejob.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hostile values the sweep sends, one at a time. Written out rather than generated, so that
 * every run sends the same requests and a failure can be repeated by hand.
 */
final class Hostile {

    private Hostile() {}

    /** Stands for an unpaired surrogate in a JSON string: written as the escape `\ud800` once serialised. */
    static final String LONE_SURROGATE = "@@lone-surrogate@@";

    record Named<T>(String label, T value) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Path ids, already percent-encoded as they go on the wire. A matrix parameter goes on the valid
     * id: JAX-RS reads `5;x` as `5`, so `1;x` would act on whatever has id 1.
     */
    static List<Named<String>> pathValues(String valid) {
        return List.of(
                new Named<>("NUL", "%00"),
                new Named<>("dot-dot-slash", "..%2F"),
                new Named<>("matrix parameter", valid + ";x"),
                new Named<>("sql", "1%3Bselect%201"),
                new Named<>("space", "1%20x"),
                new Named<>("3000 characters", "7".repeat(3000)),
                new Named<>("zero", "0"),
                new Named<>("minus one", "-1"),
                new Named<>("2^63", "9223372036854775808"),
                new Named<>("1e308", "1e308"),
                new Named<>("word", "abc"),
                new Named<>("control", "a%01b"),
                new Named<>("lone surrogate", "%ED%A0%80"),
                new Named<>("invalid UTF-8", "%FF%FE"),
                new Named<>("right-to-left override", "%E2%80%AEabc"),
                new Named<>("emoji", "%F0%9F%98%80"));
    }

    /** Query values, percent-encoded. */
    static List<Named<String>> queryValues() {
        return List.of(
                new Named<>("empty", ""),
                new Named<>("blank", "%20%20"),
                new Named<>("over the URI limit", "x".repeat(5000)),
                new Named<>("NUL", "a%00b"),
                new Named<>("control", "a%1Fb"),
                new Named<>("lone surrogate", "%ED%A0%80"),
                new Named<>("invalid UTF-8", "%C3%28"),
                new Named<>("right-to-left override", "%E2%80%AEabc"),
                new Named<>("emoji", "%F0%9F%98%80"),
                new Named<>("zero", "0"),
                new Named<>("minus one", "-1"),
                new Named<>("2^63", "9223372036854775808"),
                new Named<>("1e308", "1e308"),
                new Named<>("fraction", "1.5"),
                new Named<>("word", "abc"),
                new Named<>("bad date", "2025-13-45"));
    }

    /** Values for one body field, chosen by the type of the example value it replaces. */
    static List<Named<JsonNode>> bodyValues(JsonNode example) {
        List<Named<JsonNode>> values = new ArrayList<>();
        if (example.isTextual()) {
            values.add(json("empty", NODES.textNode("")));
            values.add(json("blank", NODES.textNode("   ")));
            values.add(json("100 000 characters", NODES.textNode("x".repeat(100_000))));
            values.add(json("NUL", NODES.textNode("a\u0000b")));
            values.add(json("control", NODES.textNode("a\u0001b\u001f")));
            values.add(json("lone surrogate", NODES.textNode("a" + LONE_SURROGATE)));
            values.add(json("right-to-left override", NODES.textNode("\u202E" + example.asText())));
            values.add(json("emoji", NODES.textNode(example.asText() + " \uD83D\uDC69\u200D\uD83D\uDCBC")));
            values.add(json("number", NODES.numberNode(12)));
        } else if (example.isNumber()) {
            values.add(json("zero", NODES.numberNode(0)));
            values.add(json("minus one", NODES.numberNode(-1)));
            values.add(json("2^63", NODES.numberNode(BigInteger.TWO.pow(63))));
            values.add(json("1e308", NODES.numberNode(1e308)));
            values.add(json("fraction", NODES.numberNode(1.5)));
            values.add(json("the number as a string", NODES.textNode(example.asText())));
            values.add(json("string", NODES.textNode("abc")));
        } else if (example.isBoolean()) {
            values.add(json("string", NODES.textNode("true")));
            values.add(json("number", NODES.numberNode(1)));
        } else if (example.isArray()) {
            values.add(json("empty", NODES.arrayNode()));
            values.add(json("string", NODES.textNode("x")));
            values.add(json("object", NODES.objectNode()));
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 1000; i++) {
                many.add(example.isEmpty() ? NODES.nullNode() : example.get(0).deepCopy());
            }
            values.add(json("1000 items", many));
            ArrayNode nulls = NODES.arrayNode();
            nulls.addNull();
            values.add(json("a null item", nulls));
        } else if (example.isObject()) {
            values.add(json("empty", NODES.objectNode()));
            values.add(json("array", NODES.arrayNode()));
            values.add(json("string", NODES.textNode("x")));
        }
        values.add(json("null", NODES.nullNode()));
        return values;
    }

    /** Odd values of the headers every operation may be sent. */
    static Map<String, List<String>> headerValues() {
        List<String> etags = List.of(
                "", "*", "garbage", "W/\"x\"", "\"unterminated", "\"" + "e".repeat(3000) + "\"", "\"a\", \"b\"");
        return Map.of(
                "If-Match",
                etags,
                "If-None-Match",
                etags,
                "Accept",
                List.of("application/xml", "text/html", "*/*;q=abc", "application/json;q=0", "x".repeat(3000), ""),
                "Accept-Language",
                List.of("xx", "da;q=abc", "*", "en-US,en;q=0.9", "x".repeat(3000), ""),
                "Authorization",
                List.of(
                        "",
                        "Bearer",
                        "Bearer ",
                        "Basic dXNlcjpwYXNz",
                        "Bearer " + "k".repeat(3000),
                        "Bearer a b",
                        "Bearer %00"));
    }

    private static Named<JsonNode> json(String label, JsonNode value) {
        return new Named<>(label, value);
    }
}
