package dk.kommunejob.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.kommunejob.language.Language;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.ProblemType;
import dk.kommunejob.sweep.ApiOperations.Operation;
import dk.kommunejob.sweep.ApiOperations.Parameter;
import dk.kommunejob.sweep.Hostile.Named;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends each operation hostile values one at a time, the rest of the request valid, and checks the
 * answer: never a 5xx; every 4xx a problem (RFC 9457) of one of the service's types, in the
 * caller's language, naming the parameter or field that was wrong; and nothing stored changed by a
 * request that was refused. Requests go out through the JDK's client rather than REST Assured,
 * which would re-encode the hostile paths and bodies it is given.
 */
final class Sweep {

    /** What one request changes: a path parameter, a query parameter, a header, a body field or the body. */
    enum Target {
        PATH,
        QUERY,
        HEADER,
        FIELD,
        BODY,
        NONE
    }

    record Request(
            Operation operation,
            Target target,
            String name,
            String label,
            String path,
            Map<String, String> headers,
            byte[] body) {

        @Override
        public String toString() {
            return "%s %s, %s %s = %s"
                    .formatted(operation.method().toUpperCase(), operation.path(), target, name, label);
        }
    }

    record Answer(int status, Map<String, List<String>> headers, String body) {

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("^(\\d{4})(-\\d{2}-\\d{2}.*)$");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String root;
    private final ApiOperations document;
    private final StoredData stored;
    private final String key;
    private final Map<String, Integer> sent = new TreeMap<>();
    private final Map<String, Integer> baselines = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int unsendable;
    private int sequence;
    /** What is stored, while no request since has been accepted: a refused one compares against it. */
    private StoredData.Snapshot known;
    /** The ETag last fetched, and for which path, while no request since has been accepted. */
    private String etag;

    private String etagPath;

    Sweep(String root, ApiOperations document, StoredData stored, String key) {
        this.root = root.replaceFirst("/$", "");
        this.document = document;
        this.stored = stored;
        this.key = key;
    }

    /** Every hostile value into every place of the operation: its parameters, headers and body. */
    void everything(Operation operation, Function<String, Fixtures> fixturesFor) {
        Fixtures[] fixtures = {fresh(fixturesFor, operation)};
        boolean destructive = operation.method().equals("delete")
                || (operation.method().equals("post") && operation.path().contains("{"));
        Function<Request, Answer> send = request -> {
            Answer answer = send(request, fixtures[0]);
            if (destructive && answer.status() < 300) {
                fixtures[0] = fresh(fixturesFor, operation);
            }
            return answer;
        };
        baselines.put(
                operation.id(),
                send.apply(base(operation, fixtures[0], Target.NONE, "", "valid"))
                        .status());
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                String valid = fixtures[0].pathValue(operation.path(), parameter.name());
                for (Named<String> value : Hostile.pathValues(valid)) {
                    Request base = base(operation, fixtures[0], Target.PATH, parameter.name(), value.label());
                    send.apply(withPath(base, parameter.name(), value.value(), fixtures[0]));
                }
            } else if (parameter.in().equals("query")) {
                for (Named<String> value : Hostile.queryValues()) {
                    Request base = base(operation, fixtures[0], Target.QUERY, parameter.name(), value.label());
                    String separator = base.path().contains("?") ? "&" : "?";
                    send.apply(withPathText(base, base.path() + separator + parameter.name() + "=" + value.value()));
                }
            }
        }
        headers(operation, () -> fixtures[0], send);
        if (operation.bodyType() != null) {
            for (String field : fields(body(operation, fixtures[0]), "")) {
                JsonNode example = at(body(operation, fixtures[0]), field);
                for (Named<JsonNode> value : Hostile.bodyValues(example)) {
                    Request base = base(operation, fixtures[0], Target.FIELD, field, value.label());
                    send.apply(withBody(base, bytes(replaced(body(operation, fixtures[0]), field, value.value()))));
                }
            }
            for (Map.Entry<String, byte[]> body :
                    wholeBodies(body(operation, fixtures[0])).entrySet()) {
                Request base = base(operation, fixtures[0], Target.BODY, "body", body.getKey());
                send.apply(withBody(base, body.getValue()));
            }
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "")) {
                Request base =
                        base(operation, fixtures[0], Target.BODY, "Content-Type", type.isEmpty() ? "none" : type);
                Map<String, String> headers = new LinkedHashMap<>(base.headers());
                headers.remove("Content-Type");
                if (!type.isEmpty()) {
                    headers.put("Content-Type", type);
                }
                send.apply(new Request(
                        operation,
                        Target.BODY,
                        "Content-Type",
                        base.label(),
                        base.path(),
                        headers,
                        type.equals("application/xml") ? "<position/>".getBytes(StandardCharsets.UTF_8) : base.body()));
            }
        }
    }

    private Fixtures fresh(Function<String, Fixtures> fixturesFor, Operation operation) {
        known = null;
        etag = null;
        return fixturesFor.apply(operation.id());
    }

    /** Only the path ids and the headers: for operations that refuse a caller without a key before anything else. */
    void pathsAndHeaders(Operation operation, Fixtures fixtures) {
        known = null;
        Function<Request, Answer> send = request -> send(request, fixtures);
        baselines.put(
                operation.id(),
                send.apply(base(operation, fixtures, Target.NONE, "", "valid")).status());
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                String valid = fixtures.pathValue(operation.path(), parameter.name());
                for (Named<String> value : Hostile.pathValues(valid)) {
                    Request base = base(operation, fixtures, Target.PATH, parameter.name(), value.label());
                    send.apply(withPath(base, parameter.name(), value.value(), fixtures));
                }
            }
        }
        headers(operation, () -> fixtures, send);
    }

    private void headers(
            Operation operation, java.util.function.Supplier<Fixtures> fixtures, Function<Request, Answer> send) {
        for (Map.Entry<String, List<String>> header : new TreeMap<>(Hostile.headerValues()).entrySet()) {
            if (header.getKey().startsWith("If-") && !operation.hasHeader(header.getKey())) {
                continue;
            }
            for (String value : header.getValue()) {
                Request base = base(operation, fixtures.get(), Target.HEADER, header.getKey(), shorten(value));
                Map<String, String> headers = new LinkedHashMap<>(base.headers());
                headers.put(header.getKey(), value);
                send.apply(new Request(
                        operation, Target.HEADER, header.getKey(), base.label(), base.path(), headers, base.body()));
            }
        }
    }

    /** A valid request: the fixtures' ids, the current ETag, the example body, a language by turns. */
    private Request base(Operation operation, Fixtures fixtures, Target target, String name, String label) {
        String path = operation.path();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                path = path.replace(
                        "{" + parameter.name() + "}",
                        URLEncoder.encode(
                                fixtures.pathValue(operation.path(), parameter.name()), StandardCharsets.UTF_8));
            }
        }
        String query = operation.parameters().stream()
                .filter(p -> p.in().equals("query") && p.required())
                .map(p -> p.name() + "=" + URLEncoder.encode(p.example().asText(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        if (!query.isEmpty()) {
            path += "?" + query;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept-Language", sequence++ % 2 == 0 ? "da" : "en");
        if (key != null) {
            headers.put("Authorization", "Bearer " + key);
        }
        if (operation.hasHeader("If-Match") && key != null) {
            if (etag == null || !path.equals(etagPath)) {
                etag = currentEtag(operation, path);
                etagPath = path;
            }
            headers.put("If-Match", etag);
        }
        byte[] body = null;
        if (operation.bodyType() != null) {
            headers.put("Content-Type", operation.bodyType());
            body = bytes(body(operation, fixtures));
        }
        return new Request(operation, target, name, label, path, headers, body);
    }

    private Request withPath(Request base, String parameter, String encoded, Fixtures fixtures) {
        // The template with every other parameter filled, this one hostile.
        String path = base.operation().path();
        for (Parameter p : base.operation().parameters()) {
            if (p.in().equals("path")) {
                path = path.replace(
                        "{" + p.name() + "}",
                        p.name().equals(parameter)
                                ? encoded
                                : URLEncoder.encode(
                                        fixtures.pathValue(base.operation().path(), p.name()), StandardCharsets.UTF_8));
            }
        }
        int query = base.path().indexOf('?');
        return withPathText(base, query < 0 ? path : path + base.path().substring(query));
    }

    private static Request withPathText(Request base, String path) {
        return new Request(
                base.operation(), base.target(), base.name(), base.label(), path, base.headers(), base.body());
    }

    private static Request withBody(Request base, byte[] body) {
        return new Request(
                base.operation(), base.target(), base.name(), base.label(), base.path(), base.headers(), body);
    }

    /** The ETag of what the operation changes: its resource's editable view, or the resource itself. */
    private String currentEtag(Operation operation, String path) {
        Matcher resource = Pattern.compile("^/api/v1/[a-z]+/[^/]+").matcher(path);
        if (!resource.find()) {
            return "\"none\"";
        }
        String template = operation.path().replaceFirst("^(/api/v1/[a-z]+/\\{[^}]+}).*$", "$1");
        boolean editable = document.all().stream()
                .anyMatch(o -> o.method().equals("get") && o.path().equals(template + "/editable"));
        String url = resource.group() + (editable ? "/editable" : "");
        Answer answer = exchange("GET", url, Map.of("Authorization", "Bearer " + key), null);
        return answer.header("ETag").orElse("\"none\"");
    }

    private Answer send(Request request, Fixtures fixtures) {
        sent.merge(request.operation().id(), 1, Integer::sum);
        boolean writes = !request.operation().method().equals("get");
        StoredData.Snapshot before = writes && known == null ? stored.snapshot() : known;
        Answer answer;
        try {
            answer = exchange(
                    request.operation().method().toUpperCase(), request.path(), request.headers(), request.body());
        } catch (IllegalArgumentException unsendable) {
            // A header value the JDK's client will not put on the wire (no client could send it either).
            this.unsendable++;
            return new Answer(0, Map.of(), "");
        }
        check(request, answer);
        if (writes && answer.status() >= 400) {
            StoredData.Snapshot after = stored.snapshot();
            stored.difference(before, after)
                    .ifPresent(change -> fail(request, answer, "was refused, yet stored data changed: " + change));
            known = after;
        } else if (writes) {
            known = null;
            etag = null;
        }
        return answer;
    }

    private Answer exchange(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            return new Answer(-1, Map.of(), "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void check(Request request, Answer answer) {
        if (answer.status() < 0 || answer.status() >= 500) {
            fail(request, answer, "answered " + answer.status());
            return;
        }
        if (answer.status() < 400) {
            return;
        }
        String contentType = answer.header("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            fail(request, answer, "answered " + answer.status() + " without a problem: " + contentType);
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (IOException e) {
            fail(request, answer, "answered a problem that does not parse");
            return;
        }
        String type = problem.path("type").asText();
        if (!type.startsWith(ProblemType.PREFIX) || problem.path("status").asInt() != answer.status()) {
            fail(request, answer, "answered a problem without its type or status");
            return;
        }
        if (!(request.target() == Target.HEADER && request.name().equals("Accept-Language"))) {
            Language language = Language.valueOf(request.headers().get("Accept-Language"));
            String title = Messages.text(language, "problem." + type.substring(ProblemType.PREFIX.length()) + ".title");
            if (!title.equals(problem.path("title").asText())
                    || !answer.header("Content-Language").orElse("").equals(language.name())) {
                fail(request, answer, "answered in another language than " + language);
            }
        }
        if (answer.status() == 400) {
            checkNamed(request, answer, problem);
        }
    }

    /** A 400 names what was wrong: the parameter or header in `parameter`, the field among `violations`. */
    private void checkNamed(Request request, Answer answer, JsonNode problem) {
        switch (request.target()) {
            case PATH, QUERY, HEADER -> {
                if (!request.name().equals(problem.path("parameter").asText())) {
                    fail(request, answer, "does not name parameter " + request.name());
                }
            }
            case FIELD -> {
                boolean named = false;
                for (JsonNode violation : problem.path("violations")) {
                    String field = violation.path("field").asText();
                    named |= field.equals(request.name())
                            || field.startsWith(request.name() + ".")
                            || field.startsWith(request.name() + "[")
                            || request.name().startsWith(field + ".")
                            || request.name().startsWith(field + "[");
                }
                if (!named) {
                    fail(request, answer, "does not name field " + request.name());
                }
            }
            default -> {}
        }
    }

    private void fail(Request request, Answer answer, String what) {
        failures.add("%s %s; answer: %s".formatted(request, what, shorten(answer.body())));
    }

    /** The example body with the fixtures' ids, later dates (the examples' are past) and unique names. */
    private JsonNode body(Operation operation, Fixtures fixtures) {
        JsonNode body = operation.bodyExample().deepCopy();
        adapt(body, fixtures);
        if (body instanceof ObjectNode object
                && "agency".equals(object.path("role").asText())) {
            object.remove("employerId"); // an agency's client acts for its agency, not for an employer
        }
        return body;
    }

    private void adapt(JsonNode node, Fixtures fixtures) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(e -> names.add(e.getKey()));
            for (String name : names) {
                JsonNode value = object.get(name);
                switch (name) {
                    case "employerId" -> object.put(name, fixtures.org().employerId());
                    case "unitId" -> object.put(name, fixtures.org().unitId());
                    case "agencyId" -> object.put(name, fixtures.org().agencyId());
                    case "parentId" -> object.put(name, fixtures.org().directorateId());
                    case "url" -> object.put(name, "http://127.0.0.1:9/sweep");
                    case "name" ->
                        object.put(
                                name,
                                value.asText() + " "
                                        + UUID.randomUUID().toString().substring(0, 8));
                    default -> {
                        if (value.isTextual()) {
                            later(value.asText()).ifPresent(date -> object.put(name, date));
                        } else {
                            adapt(value, fixtures);
                        }
                    }
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    int index = i;
                    later(array.get(i).asText()).ifPresent(date -> array.set(index, date));
                } else {
                    adapt(array.get(i), fixtures);
                }
            }
        }
    }

    /** A date of the examples' (2025) moved as many years ahead as it takes to be next year's. */
    private static Optional<String> later(String text) {
        Matcher date = DATE.matcher(text);
        if (!date.matches()) {
            return Optional.empty();
        }
        int shift = LocalDate.now().getYear() + 1 - 2025;
        return Optional.of((Integer.parseInt(date.group(1)) + shift) + date.group(2));
    }

    /** Every place in the body: "title", "contacts", "contacts[0]", "contacts[0].phone"... */
    private static List<String> fields(JsonNode node, String prefix) {
        List<String> fields = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String field = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                fields.add(field);
                fields.addAll(fields(e.getValue(), field));
            });
        } else if (node.isArray() && !node.isEmpty()) {
            fields.add(prefix + "[0]");
            fields.addAll(fields(node.get(0), prefix + "[0]"));
        }
        return fields;
    }

    private static JsonNode at(JsonNode root, String field) {
        return at(root, steps(field));
    }

    private static JsonNode at(JsonNode root, List<String> steps) {
        JsonNode node = root;
        for (String step : steps) {
            node = step.startsWith("[") ? node.get(index(step)) : node.get(step);
        }
        return node;
    }

    private static JsonNode replaced(JsonNode root, String field, JsonNode value) {
        List<String> steps = steps(field);
        JsonNode parent = at(root, steps.subList(0, steps.size() - 1));
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(index(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return root;
    }

    /** "contacts[0].phone" as "contacts", "[0]", "phone". */
    private static List<String> steps(String field) {
        List<String> steps = new ArrayList<>();
        Matcher step = Pattern.compile("([^.\\[\\]]+)|(\\[\\d+])").matcher(field);
        while (step.find()) {
            steps.add(step.group(1) != null ? step.group(1) : step.group(2));
        }
        return steps;
    }

    private static int index(String step) {
        return Integer.parseInt(step.substring(1, step.length() - 1));
    }

    /** Whole bodies that are not what the operation reads. */
    private static Map<String, byte[]> wholeBodies(JsonNode example) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        String json = new String(bytes(example), StandardCharsets.UTF_8);
        bodies.put("empty", new byte[0]);
        bodies.put("JSON null", "null".getBytes(StandardCharsets.UTF_8));
        bodies.put("JSON array", "[]".getBytes(StandardCharsets.UTF_8));
        bodies.put("broken JSON", json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8));
        if (example.isObject() && example.size() > 0) {
            String first = example.fieldNames().next();
            bodies.put(
                    "duplicate key",
                    ("{\"" + first + "\": " + example.get(first) + ", " + json.substring(1))
                            .getBytes(StandardCharsets.UTF_8));
            bodies.put(
                    "5 000 levels in a field",
                    ("{\"" + first + "\": " + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}")
                            .getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("5 000 levels", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", invalidUtf8(json));
        bodies.put("1.5 MB", (json + " ".repeat(1_500_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("3 MB", (json + " ".repeat(3_000_000)).getBytes(StandardCharsets.UTF_8));
        return bodies;
    }

    /** The body with bytes that are no UTF-8 inside its first string. */
    private static byte[] invalidUtf8(String json) {
        int quote = json.indexOf(": \"") < 0 ? json.indexOf(":\"") + 2 : json.indexOf(": \"") + 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = json.substring(0, Math.max(quote, 0)).getBytes(StandardCharsets.UTF_8);
        out.write(head, 0, head.length);
        out.write(0xC3);
        out.write(0x28);
        byte[] tail = json.substring(Math.max(quote, 0)).getBytes(StandardCharsets.UTF_8);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node)
                    .replace(Hostile.LONE_SURROGATE, "\\ud800")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }

    Map<String, Integer> sent() {
        return sent;
    }

    Map<String, Integer> baselines() {
        return baselines;
    }

    List<String> failures() {
        return failures;
    }

    int unsendable() {
        return unsendable;
    }
}
