package dk.kommunejob.webhook;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.webhook.Receiver.Received;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks as a receiver meets them: signed (checked with the reference library), in order, retried, scoped. */
@QuarkusTest
class WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** This test's webhooks, deleted after it: left active, they would go on polling and failing in later tests. */
    private final List<Long> registered = new java.util.ArrayList<>();

    @AfterEach
    void deleteWebhooks() {
        registered.forEach(id -> as(BOOTSTRAP_KEY).delete("/api/v1/webhooks/" + id));
    }

    @Test
    void eachChangeOfTheEmployerArrivesSignedOnceAndInFeedOrder() throws Exception {
        Org org = TestData.org();
        Org other = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook editor");
        try (Receiver receiver = new Receiver()) {
            JsonPath created = register(editor, receiver, "{\"url\": \"%s\"}".formatted(receiver.url()));
            assertEquals(org.employerId(), created.getLong("webhook.employerId"), "an editor's are its employer's");

            long id = post(editor, org, "Pædagog til Kastanjen");
            post(BOOTSTRAP_KEY, other, "Not this employer's"); // never sent to this webhook
            as(editor)
                    .header("If-Match", "\"1\"")
                    .post("/api/v1/positions/" + id + "/publish")
                    .then()
                    .statusCode(200);
            as(editor)
                    .header("If-Match", "\"2\"")
                    .post("/api/v1/positions/" + id + "/close")
                    .then()
                    .statusCode(200);

            List<Received> got = receiver.next(3, WAIT);
            assertEquals(
                    List.of("position.created", "position.published", "position.closed"),
                    got.stream().map(r -> r.json().getString("type")).toList());
            for (Received r : got) {
                assertTrue(r.verified(), "signature verifies with the reference library: " + r.signature());
                assertEquals(id, r.json().getLong("data.positionId"));
                assertEquals(r.json().getString("type"), "position." + r.json().getString("data.kind"));
            }
            assertEquals("Pædagog til Kastanjen", got.get(1).json().getString("data.position.title"));
            assertEquals("closed", got.get(2).json().getString("data.tombstone.reason"));
            assertEquals(3, got.stream().map(Received::id).distinct().count(), "one webhook-id per event");
            assertEquals(List.of(), receiver.more(Duration.ofSeconds(1)), "nothing else, nothing twice");

            long webhook = created.getLong("webhook.id");
            attempts(editor, webhook, 3); // each attempt is logged just after its answer
            as(editor)
                    .get("/api/v1/webhooks/" + webhook)
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("active"))
                    .body("cursor", equalTo(got.get(2).json().getString("data.cursor")))
                    .body("$", not(hasKey("secret")));
            as(editor)
                    .get("/api/v1/webhooks/" + webhook + "/attempts")
                    .then()
                    .statusCode(200)
                    .body("result", equalTo(List.of("delivered", "delivered", "delivered")))
                    .body("statusCode", equalTo(List.of(200, 200, 200)));
        }
    }

    @Test
    void aFailedEventIsRetriedWithItsIdAndNothingOvertakesIt() throws Exception {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook retry editor");
        try (Receiver receiver = new Receiver()) {
            register(editor, receiver, "{\"url\": \"%s\", \"kinds\": [\"created\"]}".formatted(receiver.url()));
            receiver.answer(500, 503);
            long first = post(editor, org, "Første");
            long second = post(editor, org, "Anden");

            List<Received> got = receiver.next(4, WAIT);
            assertEquals(
                    List.of(500, 503, 200, 200),
                    got.stream().map(Received::answered).toList());
            assertEquals(
                    List.of(first, first, first, second),
                    got.stream().map(r -> r.json().getLong("data.positionId")).toList());
            assertEquals(
                    1, got.subList(0, 3).stream().map(Received::id).distinct().count(), "one id per event");
            assertTrue(got.stream().allMatch(Received::verified));
            assertEquals(List.of(), receiver.more(Duration.ofSeconds(1)));
        }
    }

    @Test
    void goneDisablesAtOnceAndRetriesRunningOutDisablesWithTheReason() throws Exception {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook gone editor");
        try (Receiver gone = new Receiver();
                Receiver failing = new Receiver()) {
            gone.otherwise(() -> 410);
            failing.otherwise(() -> 500);
            long goneId = register(editor, gone, "{\"url\": \"%s\"}".formatted(gone.url()))
                    .getLong("webhook.id");
            long failingId = register(editor, failing, "{\"url\": \"%s\"}".formatted(failing.url()))
                    .getLong("webhook.id");
            post(editor, org, "Ingen vil have mig");

            assertEquals(1, gone.next(1, WAIT).size());
            // The test profile's schedule: the first attempt, then two retries a second apart.
            assertEquals(3, failing.next(3, WAIT).size());
            assertEquals(List.of(), gone.more(Duration.ofSeconds(1)));
            assertEquals(List.of(), failing.more(Duration.ofSeconds(1)));
            as(editor)
                    .get("/api/v1/webhooks/" + goneId)
                    .then()
                    .body("state", equalTo("disabled"))
                    .body("disabledReason", equalTo("Modtageren svarede 410 Gone."));
            as(editor)
                    .header("Accept-Language", "en")
                    .get("/api/v1/webhooks/" + failingId)
                    .then()
                    .body("state", equalTo("disabled"))
                    .body("failures", equalTo(3))
                    .body(
                            "disabledReason",
                            equalTo(
                                    "Every one of the 3 attempts at the next event failed; resume the webhook to try again."));

            // Resumed, the failed event is tried again, and accepted now.
            failing.otherwise(() -> 204);
            as(editor)
                    .post("/api/v1/webhooks/" + failingId + "/resume")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("active"))
                    .body("disabledReason", nullValue());
            assertEquals(204, failing.next(1, WAIT).get(0).answered());
        }
    }

    @Test
    void aPausedWebhookIsSentWhatCameMeanwhileOnResuming() throws Exception {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook pause editor");
        try (Receiver receiver = new Receiver()) {
            long id = register(editor, receiver, "{\"url\": \"%s\"}".formatted(receiver.url()))
                    .getLong("webhook.id");
            as(editor)
                    .post("/api/v1/webhooks/" + id + "/pause")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("paused"));
            long position = post(editor, org, "Mens den holdt pause");
            assertEquals(List.of(), receiver.more(Duration.ofSeconds(1)));

            as(editor).post("/api/v1/webhooks/" + id + "/resume").then().statusCode(200);
            assertEquals(position, receiver.next(1, WAIT).get(0).json().getLong("data.positionId"));
        }
    }

    @Test
    void anAgencysWebhookIsAboutItsOwnPostingsAndNoClientSeesAnothersWebhook() throws Exception {
        Org org = TestData.org();
        String agency = TestData.agencyKey(org.agencyId(), "Webhook agency");
        String editor = TestData.editorKey(org.employerId(), "Webhook editor, not the agency's");
        try (Receiver receiver = new Receiver()) {
            long id = register(agency, receiver, "{\"url\": \"%s\"}".formatted(receiver.url()))
                    .getLong("webhook.id");
            post(editor, org, "The employer's own, no agency");
            long mine = as(agency)
                    .body(TestData.positionBody(
                            org, "Via bureauet", org.agencyId(), LocalDate.now().plusDays(20)))
                    .post("/api/v1/positions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .<Integer>path("id");
            assertEquals(mine, receiver.next(1, WAIT).get(0).json().getLong("data.positionId"));
            assertEquals(List.of(), receiver.more(Duration.ofSeconds(1)));

            as(editor).get("/api/v1/webhooks/" + id).then().statusCode(404);
            as(editor).post("/api/v1/webhooks/" + id + "/pause").then().statusCode(404);
            as(editor).delete("/api/v1/webhooks/" + id).then().statusCode(404);
            assertFalse(as(editor)
                    .get("/api/v1/webhooks")
                    .then()
                    .extract()
                    .<List<Integer>>path("id")
                    .contains((int) id));
            as(BOOTSTRAP_KEY).get("/api/v1/webhooks/" + id).then().statusCode(200);
            as(agency).delete("/api/v1/webhooks/" + id).then().statusCode(204);
            as(agency).get("/api/v1/webhooks/" + id).then().statusCode(404);
        }
    }

    @Test
    void theSecretIsShownOnceAndStoredEncrypted() throws Exception {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook secret editor");
        try (Receiver receiver = new Receiver()) {
            JsonPath created = register(editor, receiver, "{\"url\": \"%s\"}".formatted(receiver.url()));
            String secret = created.getString("secret");
            assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{32}"), secret);
            long id = created.getLong("webhook.id");
            String everyAnswer = as(editor).get("/api/v1/webhooks/" + id).asString()
                    + as(editor).get("/api/v1/webhooks").asString();
            assertFalse(everyAnswer.contains(secret.substring(6)));
            byte[] stored =
                    QuarkusTransaction.requiringNew().call(() -> Subscription.<Subscription>findById(id).secret);
            assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(secret.substring(6)));
            assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("whsec_"));
        }
    }

    @Test
    void redeliveringSendsEverythingAfterTheCursorAgainWithTheSameIds() throws Exception {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook redelivery editor");
        try (Receiver receiver = new Receiver()) {
            long id = register(
                            editor, receiver, "{\"url\": \"%s\", \"kinds\": [\"created\"]}".formatted(receiver.url()))
                    .getLong("webhook.id");
            String before =
                    as(editor).get("/api/v1/webhooks/" + id).then().extract().path("cursor");
            post(editor, org, "Først");
            post(editor, org, "Så");
            List<Received> first = receiver.next(2, WAIT);

            as(editor)
                    .post("/api/v1/webhooks/" + id + "/redeliver?after=" + before)
                    .then()
                    .statusCode(200)
                    .body("cursor", equalTo(before));
            List<Received> again = receiver.next(2, WAIT);
            assertEquals(
                    first.stream().map(Received::id).toList(),
                    again.stream().map(Received::id).toList());
            assertEquals(
                    first.stream().map(Received::body).toList(),
                    again.stream().map(Received::body).toList());
            assertEquals(List.of(), receiver.more(Duration.ofSeconds(1)));

            as(editor)
                    .post("/api/v1/webhooks/" + id + "/redeliver?after=yesterday")
                    .then()
                    .statusCode(400)
                    .body("parameter", equalTo("after"));
            as(editor).post("/api/v1/webhooks/" + id + "/redeliver").then().statusCode(400);
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneForADay() throws Exception {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook rotation editor");
        try (Receiver receiver = new Receiver()) {
            JsonPath created = register(editor, receiver, "{\"url\": \"%s\"}".formatted(receiver.url()));
            String old = created.getString("secret");
            long id = created.getLong("webhook.id");
            String fresh = as(editor)
                    .post("/api/v1/webhooks/" + id + "/rotate-secret")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("secret");
            assertTrue(!fresh.equals(old) && fresh.startsWith("whsec_"));

            post(editor, org, "Efter rotationen");
            Received r = receiver.next(1, WAIT).get(0);
            assertEquals(2, r.signature().split(" ").length, r.signature());
            assertTrue(r.verifiesWith(old), "the old secret still verifies");
            assertTrue(r.verifiesWith(fresh), "the new one does");
            assertFalse(r.verifiesWith("whsec_" + "A".repeat(32)), "another secret does not");

            // A day later the old one signs no more.
            QuarkusTransaction.requiringNew()
                    .run(() -> Subscription.<Subscription>findById(id).previousUntil =
                            java.time.OffsetDateTime.now().minusSeconds(1));
            post(editor, org, "En dag senere");
            Received later = receiver.next(1, WAIT).get(0);
            assertEquals(1, later.signature().split(" ").length);
            assertTrue(later.verifiesWith(fresh));
            assertFalse(later.verifiesWith(old));
        }
    }

    @Test
    void aChangedWebhookGoesOnAfterItsCursorAtItsNewUrl() throws Exception {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook change editor");
        try (Receiver before = new Receiver();
                Receiver after = new Receiver()) {
            JsonPath created = register(editor, before, "{\"url\": \"%s\"}".formatted(before.url()));
            after.secret(created.getString("secret"));
            long id = created.getLong("webhook.id");
            post(editor, org, "Til den gamle adresse");
            before.next(1, WAIT);
            String etag =
                    as(editor).get("/api/v1/webhooks/" + id).then().extract().header("ETag");
            String change = "{\"url\": \"%s\", \"kinds\": [\"published\"]}".formatted(after.url());

            as(editor).body(change).put("/api/v1/webhooks/" + id).then().statusCode(428);
            as(editor)
                    .header("If-Match", "\"999\"")
                    .body(change)
                    .put("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(412);
            as(editor)
                    .header("If-Match", etag)
                    .body("{\"url\": \"ftp://portal.example/hook\"}")
                    .put("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(400)
                    .body("violations[0].field", equalTo("url"));
            as(editor)
                    .header("If-Match", etag)
                    .body(change)
                    .put("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(200)
                    .header("ETag", not(equalTo(etag)))
                    .body("url", equalTo(after.url()))
                    .body("kinds", equalTo(List.of("published")))
                    .body("employerId", equalTo((int) org.employerId()));

            long position = post(editor, org, "Til den nye adresse"); // created: not among its kinds now
            as(editor)
                    .header("If-Match", "\"1\"")
                    .post("/api/v1/positions/" + position + "/publish")
                    .then()
                    .statusCode(200);
            Received r = after.next(1, WAIT).get(0);
            assertEquals("position.published", r.json().getString("type"));
            assertTrue(r.verified(), "the secret stays");
            assertEquals(List.of(), after.more(Duration.ofSeconds(1)));
            assertEquals(List.of(), before.more(Duration.ofMillis(100)));
            as(TestData.editorKey(TestData.org().employerId(), "Another employer's editor"))
                    .header("If-Match", "*")
                    .body(change)
                    .put("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(404);
        }
    }

    @Test
    void oneEventIsSentAgainAloneWithItsIdButNotAheadOfItsTurn() throws Exception {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook resend editor");
        try (Receiver receiver = new Receiver()) {
            long id = register(
                            editor, receiver, "{\"url\": \"%s\", \"kinds\": [\"created\"]}".formatted(receiver.url()))
                    .getLong("webhook.id");
            post(editor, org, "Først");
            post(editor, org, "Så");
            List<Received> first = receiver.next(2, WAIT);
            long ofTheFirst = attempts(editor, id, 2).get(1); // newest first

            as(editor)
                    .post("/api/v1/webhooks/" + id + "/attempts/" + ofTheFirst + "/redeliver")
                    .then()
                    .statusCode(200)
                    .body("result", equalTo("delivered"))
                    .body("attempt", equalTo(2))
                    .body("nextAttemptAt", nullValue());
            Received again = receiver.next(1, WAIT).get(0);
            assertEquals(first.get(0).id(), again.id());
            assertEquals(first.get(0).body(), again.body());
            assertTrue(again.verified());
            assertEquals(List.of(), receiver.more(Duration.ofSeconds(1)), "that one alone");

            // An event still being retried comes in its turn, not ahead of it.
            receiver.otherwise(() -> 500);
            post(editor, org, "Afvist");
            receiver.next(1, WAIT);
            long failed = attempts(editor, id, 4).get(0); // two, the one sent again, and this
            as(editor)
                    .post("/api/v1/webhooks/" + id + "/attempts/" + failed + "/redeliver")
                    .then()
                    .statusCode(409);
            as(editor)
                    .post("/api/v1/webhooks/" + id + "/attempts/999999999/redeliver")
                    .then()
                    .statusCode(404);
        }
    }

    @Test
    void retryAfterOnA429PutsTheRetryOff() throws Exception {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook Retry-After editor");
        try (Receiver receiver = new Receiver()) {
            long id = register(editor, receiver, "{\"url\": \"%s\"}".formatted(receiver.url()))
                    .getLong("webhook.id");
            receiver.answer(429);
            receiver.retryAfter("3");
            post(editor, org, "Vent lidt");
            List<Received> got = receiver.next(2, WAIT);
            assertEquals(List.of(429, 200), got.stream().map(Received::answered).toList());
            long waited = Duration.ofNanos(got.get(1).atNanos() - got.get(0).atNanos())
                    .toMillis();
            // The test profile's schedule would retry after 1 s.
            assertTrue(waited >= 2_900, "retried after " + waited + " ms");
            assertEquals(got.get(0).id(), got.get(1).id());
            attempts(editor, id, 2); // each attempt is logged just after its answer
            as(editor)
                    .get("/api/v1/webhooks/" + id + "/attempts")
                    .then()
                    .body("[1].statusCode", equalTo(429))
                    .body("[1].nextAttemptAt", not(nullValue()));
        }
    }

    @Test
    void aRevokedClientsWebhookIsDisabledAndSentNothing() throws Exception {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook revoked editor");
        try (Receiver receiver = new Receiver()) {
            long id = register(editor, receiver, "{\"url\": \"%s\"}".formatted(receiver.url()))
                    .getLong("webhook.id");
            long client =
                    QuarkusTransaction.requiringNew().call(() -> Subscription.<Subscription>findById(id).clientId);
            as(BOOTSTRAP_KEY).delete("/api/v1/clients/" + client).then().statusCode(204);
            post(BOOTSTRAP_KEY, org, "Efter tilbagekaldelsen");

            assertEquals(List.of(), receiver.more(Duration.ofSeconds(2)));
            as(BOOTSTRAP_KEY)
                    .header("Accept-Language", "en")
                    .get("/api/v1/webhooks/" + id)
                    .then()
                    .body("state", equalTo("disabled"))
                    .body("disabledReason", equalTo("The client the webhook belongs to was revoked."));
        }
    }

    @Test
    void aSlowReceiverHoldsUpOnlyItsOwnWebhook() throws Exception {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook slow editor");
        try (Receiver slow = new Receiver();
                Receiver quick = new Receiver()) {
            slow.delay(Duration.ofSeconds(4));
            register(editor, slow, "{\"url\": \"%s\"}".formatted(slow.url()));
            register(editor, quick, "{\"url\": \"%s\"}".formatted(quick.url()));
            post(editor, org, "Til begge");
            post(editor, org, "Og en til");
            List<Received> quickly = quick.next(2, Duration.ofSeconds(3));
            Received slowFirst = slow.next(1, WAIT).get(0);
            assertTrue(
                    quickly.get(1).atNanos()
                            < slowFirst.atNanos() + Duration.ofSeconds(4).toNanos(),
                    "the quick receiver had both before the slow one answered its first");
            assertEquals(1, slow.next(1, WAIT).size());
        }
    }

    @Test
    void eachWebhooksLagBehindTheFeedIsAMetric() throws Exception {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook lag editor");
        try (Receiver receiver = new Receiver()) {
            long id = register(editor, receiver, "{\"url\": \"%s\"}".formatted(receiver.url()))
                    .getLong("webhook.id");
            as(editor).post("/api/v1/webhooks/" + id + "/pause").then().statusCode(200);
            post(editor, org, "Venter");
            post(editor, org, "Venter også");
            String line = "jobs_webhook_lag_events{webhook=\"" + id + "\"}";
            long until = System.nanoTime() + WAIT.toNanos();
            double lag = -1;
            while (System.nanoTime() < until && lag < 2) {
                lag = io.restassured.RestAssured.get("/q/metrics")
                        .asString()
                        .lines()
                        .filter(l -> l.startsWith(line))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                        .findFirst()
                        .orElse(-1);
                Thread.sleep(200);
            }
            assertTrue(lag >= 2, "lag " + lag + " behind the feed, two events at least");
            as(editor).post("/api/v1/webhooks/" + id + "/resume").then().statusCode(200);
            receiver.next(2, WAIT);
        }
    }

    @Test
    void badInputNamesTheField() {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Webhook input editor");
        for (String url : List.of("ftp://portal.example/hook", "https://", "https://user:pw@portal.example/hook")) {
            as(editor)
                    .body(Map.of("url", url))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(400)
                    .body("violations[0].field", equalTo("url"));
        }
        as(editor)
                .body("{\"url\": \"https://portal.example/hook\", \"kinds\": [\"hired\"]}")
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400);
        Org other = TestData.org();
        as(editor)
                .body("{\"url\": \"https://portal.example/hook\", \"employerId\": %d}".formatted(other.employerId()))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(403);
        as(BOOTSTRAP_KEY)
                .body("{\"url\": \"https://portal.example/hook\", \"employerId\": 999999999}")
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("employerId"));
        as(null).body(Map.of("url", "https://portal.example/hook"))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(401);
    }

    /** The ids of the webhook's logged attempts, newest first, once there are this many (each is logged after it). */
    private static List<Integer> attempts(String key, long webhook, int atLeast) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        List<Integer> ids;
        do {
            ids = as(key).get("/api/v1/webhooks/" + webhook + "/attempts")
                    .then()
                    .extract()
                    .path("id");
            Thread.sleep(50);
        } while (ids.size() < atLeast && System.nanoTime() < until);
        return ids;
    }

    /** Registers the webhook and hands its secret to the receiver. */
    private JsonPath register(String key, Receiver receiver, String body) {
        JsonPath created = as(key).body(body)
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        receiver.secret(created.getString("secret"));
        registered.add(created.getLong("webhook.id"));
        return created;
    }

    private static long post(String key, Org org, String title) {
        return as(key).body(
                        TestData.positionBody(org, title, null, LocalDate.now().plusDays(20)))
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id");
    }
}
