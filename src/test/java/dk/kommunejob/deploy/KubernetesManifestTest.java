package dk.kommunejob.deploy;

import static dk.kommunejob.deploy.Manifests.list;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.cors.Cors;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The committed manifests (deploy/kubernetes/kubernetes.yml) refer to things that exist: probe paths the
 * service answers, ports it listens on, environment variables that are real run-time configuration,
 * Secret keys the CloudNativePG operator writes, and a grace period the shutdown fits in.
 */
@QuarkusTest
class KubernetesManifestTest {

    private static final String APP = "job-postings";
    /** The keys CloudNativePG writes into the `<cluster>-app` Secret of the application user. */
    private static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");
    /** Set by Kubernetes for the service's own use, not configuration. */
    private static final Set<String> NOT_CONFIGURATION = Set.of("KUBERNETES_NAMESPACE");

    private final Manifests manifests = Manifests.committed();

    @Test
    void theDeploymentRunsSeveralReplicasWithProbesThisServiceAnswers() throws IOException {
        JsonNode deployment = manifests.get("Deployment", APP);
        assertTrue(deployment.at("/spec/replicas").asInt() >= 2, "at least two replicas");
        JsonNode container = container(deployment);
        int port = productionPort();
        assertEquals(
                port, list(container.at("/ports")).get(0).at("/containerPort").asInt());
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals(port, get.path("port").asInt(), probe + " port");
            given().get(get.path("path").asText()).then().statusCode(200);
        }
        assertTrue(container.at("/resources/requests/memory").isTextual(), "memory request");
        assertTrue(container.at("/resources/limits/memory").isTextual(), "memory limit");
    }

    @Test
    void shutdownFitsInTheGracePeriod() {
        JsonNode deployment = manifests.get("Deployment", APP);
        List<JsonNode> preStop = list(container(deployment).at("/lifecycle/preStop/exec/command"));
        assertEquals("sleep", preStop.get(0).asText());
        long pause = preStop.get(1).asLong();
        // The manifests run the default profile; the test profile has no shutdown delay.
        java.util.Properties production = productionProperties();
        long delay = Duration.parse("PT" + production.getProperty("quarkus.shutdown.delay"))
                .toSeconds();
        long timeout = Duration.parse("PT" + production.getProperty("quarkus.shutdown.timeout"))
                .toSeconds();
        long grace = deployment
                .at("/spec/template/spec/terminationGracePeriodSeconds")
                .asLong();
        assertTrue(pause > 0 && delay > 0 && pause + delay + timeout < grace, "preStop + delay + timeout < grace");
    }

    @Test
    void serviceIngressAutoscalerAndDisruptionBudgetPointAtTheDeployment() {
        JsonNode deployment = manifests.get("Deployment", APP);
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        JsonNode service = manifests.get("Service", APP);
        assertSelects(service.at("/spec/selector"), podLabels, "Service");
        JsonNode servicePort = list(service.at("/spec/ports")).get(0);
        assertEquals(
                list(container(deployment).at("/ports"))
                        .get(0)
                        .at("/containerPort")
                        .asInt(),
                servicePort.path("targetPort").asInt());

        JsonNode backend = list(list(manifests.get("Ingress", APP).at("/spec/rules"))
                        .get(0)
                        .at("/http/paths"))
                .get(0);
        assertEquals(APP, backend.at("/backend/service/name").asText());
        assertEquals(
                servicePort.path("name").asText(),
                backend.at("/backend/service/port/name").asText());

        JsonNode hpa = manifests.get("HorizontalPodAutoscaler", APP);
        assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText());
        assertEquals(APP, hpa.at("/spec/scaleTargetRef/name").asText());
        assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2);

        JsonNode pdb = manifests.get("PodDisruptionBudget", APP);
        assertSelects(pdb.at("/spec/selector/matchLabels"), podLabels, "PodDisruptionBudget");
    }

    @Test
    void theLinksInFeedsAndCalendarsPointAtTheIngressAndTheOriginsAreOrigins() {
        JsonNode config = manifests.get("ConfigMap", "job-postings-config").at("/data");
        String host = list(manifests.get("Ingress", APP).at("/spec/rules"))
                .get(0)
                .at("/host")
                .asText();
        assertEquals("https://" + host, config.at("/JOBS_PUBLIC_URL").asText());
        assertTrue(config.at("/JOBS_POSTING_PAGE_URL").asText().contains("{slug}"));
        for (String origin : config.at("/JOBS_CORS_ORIGINS").asText().split(",")) {
            assertEquals(origin, Cors.origin(origin), "an origin as browsers send it");
        }
    }

    @Test
    void theDatasourceIsTheCloudNativePgClusterAndItsOperatorsSecret() {
        JsonNode cluster = manifests.get("Cluster", "jobs-db");
        assertEquals("postgresql.cnpg.io/v1", cluster.path("apiVersion").asText());
        assertEquals(3, cluster.at("/spec/instances").asInt());
        String clusterName = cluster.at("/metadata/name").asText();
        String database = cluster.at("/spec/bootstrap/initdb/database").asText();

        for (JsonNode container : containers()) {
            Map<String, JsonNode> env = env(container);
            assertEquals(
                    "jdbc:postgresql://%s-rw:5432/%s".formatted(clusterName, database),
                    env.get("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText());
            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                JsonNode secret = env.get(variable).at("/valueFrom/secretKeyRef");
                assertEquals(clusterName + "-app", secret.path("name").asText(), variable);
                assertTrue(CNPG_APP_SECRET_KEYS.contains(secret.path("key").asText()), variable + " key");
            }
        }
    }

    @Test
    void everyEnvironmentVariableIsRunTimeConfiguration() throws IOException {
        Map<String, String> runTime = quarkusRunTimeConfiguration();
        Set<String> ownNames = new java.util.HashSet<>();
        declared(JobsConfig.class, "jobs.").forEach(name -> ownNames.add(environmentName(name)));
        List<String> unknown = new ArrayList<>();
        for (JsonNode container : containers()) {
            List<String> names = new ArrayList<>(env(container).keySet());
            for (JsonNode from : list(container.path("envFrom"))) {
                manifests
                        .get("ConfigMap", from.at("/configMapRef/name").asText())
                        .path("data")
                        .fieldNames()
                        .forEachRemaining(names::add);
            }
            for (String name : names) {
                boolean known = NOT_CONFIGURATION.contains(name)
                        || (name.startsWith("QUARKUS_") && runTime.containsKey(name))
                        || (name.startsWith("JOBS_") && ownNames.contains(name));
                if (!known) {
                    unknown.add(name + (runTime.containsKey(name) ? " (" + runTime.get(name) + ")" : ""));
                }
            }
        }
        assertEquals(List.of(), unknown, "environment variables that are not run-time configuration");
    }

    /** Every property the service's own configuration declares, set or not (`jobs.cors-origins`, ...). */
    static List<String> declared(Class<?> mapping, String prefix) {
        List<String> names = new ArrayList<>();
        for (java.lang.reflect.Method method : mapping.getDeclaredMethods()) {
            if (method.isSynthetic() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = prefix
                    + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() == JobsConfig.class) {
                names.addAll(declared(type, name + "."));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    /** The port the service listens on outside tests: application.properties' own, or Quarkus' default. */
    private static int productionPort() throws IOException {
        return Integer.parseInt(productionProperties()
                .getProperty(
                        "quarkus.http.port",
                        quarkusConfiguration()
                                .get("QUARKUS_HTTP_PORT")
                                .path("defaultValue")
                                .asText()));
    }

    /**
     * application.properties as the source has it: the test instance's own configuration has other
     * values (a random port, no shutdown delay).
     */
    private static java.util.Properties productionProperties() {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = java.nio.file.Files.newInputStream(
                java.nio.file.Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }

    /** A selector that is not empty and that the pods' labels match. */
    private static void assertSelects(JsonNode selector, JsonNode podLabels, String what) {
        assertTrue(selector.size() > 0, what + " selects something");
        selector.fields()
                .forEachRemaining(label -> assertEquals(
                        label.getValue().asText(),
                        podLabels.path(label.getKey()).asText(),
                        what + " selector"));
    }

    @Test
    void theComposeFileRunsThisImageOnItsPortWithRealConfiguration() throws IOException {
        JsonNode compose = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(java.nio.file.Path.of("deploy/compose.yaml").toFile());
        JsonNode api = compose.at("/services/api");
        assertTrue(java.nio.file.Files.exists(java.nio.file.Path.of("deploy")
                .resolve(api.at("/build/context").asText())
                .resolve(api.at("/build/dockerfile").asText())));
        assertEquals(
                String.valueOf(productionPort()),
                list(api.path("ports")).get(0).asText().split(":")[1]);
        assertTrue(compose.at("/services/db/image").asText().startsWith("postgres:15"));
        Map<String, String> runTime = quarkusRunTimeConfiguration();
        api.path("environment")
                .fieldNames()
                .forEachRemaining(name -> assertTrue(
                        runTime.containsKey(name) || name.startsWith("JOBS_"), name + " is run-time configuration"));
        assertTrue(
                api.at("/environment/QUARKUS_DATASOURCE_JDBC_URL").asText().startsWith("jdbc:postgresql://db:5432/"));
    }

    private List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        containers.add(container(manifests.get("Deployment", APP)));
        for (JsonNode job : manifests.all("Job")) {
            containers.addAll(list(job.at("/spec/template/spec/containers")));
        }
        return containers;
    }

    private static JsonNode container(JsonNode deployment) {
        return list(deployment.at("/spec/template/spec/containers")).stream()
                .filter(c -> c.path("name").asText().equals(APP))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        list(container.path("env")).forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    /** jobs.rate-limit.writes-per-minute is JOBS_RATE_LIMIT_WRITES_PER_MINUTE. */
    private static String environmentName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Every Quarkus property that can be set when the service runs, by its environment variable, from the
     * configuration model each extension ships (META-INF/quarkus-config-doc), with its phase: a build-time
     * property set in the manifests would do nothing, or stop the service.
     */
    private static Map<String, String> quarkusRunTimeConfiguration() throws IOException {
        Map<String, String> runTime = new HashMap<>();
        quarkusConfiguration().forEach((name, item) -> {
            if (item.path("phase").asText().equals("RUN_TIME")) {
                runTime.put(name, item.path("phase").asText());
            }
        });
        return runTime;
    }

    /** Each property of the model by its environment variable. */
    private static Map<String, JsonNode> quarkusConfiguration() throws IOException {
        Map<String, JsonNode> items = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL model : Collections.list(Thread.currentThread()
                .getContextClassLoader()
                .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json"))) {
            try (InputStream in = model.openStream()) {
                json.readTree(in).path("configRoots").forEach(root -> collect(root.path("items"), items));
            }
        }
        return items;
    }

    private static void collect(JsonNode items, Map<String, JsonNode> found) {
        for (JsonNode item : items) {
            if (item.has("items")) {
                collect(item.path("items"), found);
            } else if (item.has("path")) {
                found.put(item.at("/path/environmentVariable").asText(), item);
            }
        }
    }
}
