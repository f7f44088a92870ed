package dk.kommunejob.client;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;
import static dk.kommunejob.TestData.editorKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dk.kommunejob.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientsTest {

    @Inject
    ClientService clients;

    @Test
    void anEditorCreatesAnAgencyClientWhoseKeyWorksOnceShownAndIsStoredOnlyAsAHash() {
        long agencyId = TestData.org().agencyId();

        var created = as(BOOTSTRAP_KEY)
                .body("""
                        {"name": "MUUSMANN portal", "role": "agency", "agencyId": %d}"""
                        .formatted(agencyId))
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/clients/\\d+"))
                .body("client.name", equalTo("MUUSMANN portal"))
                .body("client.role", equalTo("agency"))
                .body("client.agencyId", equalTo((int) agencyId))
                .body("client.createdAt", notNullValue())
                .body("client.revokedAt", nullValue())
                .body("key", startsWith("jpk_"))
                .extract();
        String key = created.path("key");
        long id = created.<Integer>path("client.id");

        as(key).get("/api/v1/agencies").then().statusCode(200);
        as(BOOTSTRAP_KEY)
                .get("/api/v1/clients")
                .then()
                .statusCode(200)
                .body("name", hasItem("MUUSMANN portal"))
                .body("find { it.id == %d }.key".formatted(id), nullValue());
        QuarkusTransaction.requiringNew().run(() -> {
            ApiClient stored = ApiClient.findById(id);
            assertEquals(ApiKeys.hash(key), stored.keyHash);
            assertFalse(stored.keyHash.contains(key));
        });
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        String key = editorKey(TestData.org().employerId(), "Short-lived editor");
        long id = as(key).get("/api/v1/clients")
                .then()
                .statusCode(200)
                .extract()
                .<Integer>path("find { it.name == 'Short-lived editor' }.id");

        as(BOOTSTRAP_KEY).delete("/api/v1/clients/" + id).then().statusCode(204);
        as(BOOTSTRAP_KEY).delete("/api/v1/clients/" + id).then().statusCode(204);

        as(key).get("/api/v1/clients")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json");
        // A bad key is refused on public endpoints too, rather than silently treated as anonymous.
        as(key).get("/api/v1/positions").then().statusCode(401);
        as(BOOTSTRAP_KEY)
                .get("/api/v1/clients")
                .then()
                .body("find { it.id == %d }.revokedAt".formatted(id), notNullValue());
    }

    @Test
    void withoutTheRightKeyClientsAreOutOfReach() {
        long agencyId = TestData.org().agencyId();
        String agencyKey = as(BOOTSTRAP_KEY)
                .body("""
                        {"name": "Genitor portal", "role": "agency", "agencyId": %d}"""
                        .formatted(agencyId))
                .post("/api/v1/clients")
                .then()
                .extract()
                .path("key");

        given().get("/api/v1/clients")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"job-postings\""))
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        as("jpk_not-a-key").get("/api/v1/clients").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic dXNlcjpwYXNz")
                .get("/api/v1/clients")
                .then()
                .statusCode(401);
        as(agencyKey).get("/api/v1/clients").then().statusCode(403).contentType("application/problem+json");
        as(agencyKey)
                .body("""
                        {"name": "Sneaky", "role": "editor"}""")
                .post("/api/v1/clients")
                .then()
                .statusCode(403);
        as(agencyKey).delete("/api/v1/clients/1").then().statusCode(403);
        // Reading public data needs no key, and works with a valid one.
        given().get("/api/v1/agencies").then().statusCode(200);
        as(agencyKey).get("/api/v1/agencies").then().statusCode(200);
    }

    @Test
    void badClientInputIsAProblemNamingTheField() {
        as(BOOTSTRAP_KEY)
                .body("""
                        {"name": "", "role": "editor"}""")
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("name"));
        as(BOOTSTRAP_KEY)
                .body("""
                        {"name": "X", "role": "agency"}""")
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("agencyId"));
        as(BOOTSTRAP_KEY)
                .body("""
                        {"name": "X", "role": "editor", "agencyId": 1}""")
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("agencyId"));
        as(BOOTSTRAP_KEY)
                .body("""
                        {"name": "X", "role": "agency", "agencyId": 987654321}""")
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("agencyId"));
        as(BOOTSTRAP_KEY)
                .body("""
                        {"name": "X", "role": "superuser"}""")
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("role"));
        // Server-owned fields cannot be sent: no mass assignment.
        as(BOOTSTRAP_KEY)
                .body("""
                        {"name": "X", "role": "editor", "key": "jpk_chosen"}""")
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("key"));
        as(BOOTSTRAP_KEY)
                .body("""
                        {"name": "X", "role": "editor", "revokedAt": null}""")
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("revokedAt"));
        as(BOOTSTRAP_KEY)
                .body("{\"name\": ")
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(BOOTSTRAP_KEY)
                .delete("/api/v1/clients/987654321")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theBootstrapKeyIsReplacedWhenTheSettingChanges() {
        clients.ensureBootstrapAdmin(BOOTSTRAP_KEY);
        long before = bootstrapId();
        clients.ensureBootstrapAdmin(BOOTSTRAP_KEY);
        assertEquals(before, bootstrapId(), "the same key keeps the same client");

        clients.ensureBootstrapAdmin("another-bootstrap-key");
        try {
            assertNotEquals(before, bootstrapId());
            as("another-bootstrap-key").get("/api/v1/clients").then().statusCode(200);
            as(BOOTSTRAP_KEY).get("/api/v1/clients").then().statusCode(401);
        } finally {
            clients.ensureBootstrapAdmin(BOOTSTRAP_KEY);
        }
        as(BOOTSTRAP_KEY).get("/api/v1/clients").then().statusCode(200);
    }

    private static long bootstrapId() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ApiClient.<ApiClient>find("bootstrap = true and revokedAt is null")
                        .singleResult()
                        .id);
    }
}
