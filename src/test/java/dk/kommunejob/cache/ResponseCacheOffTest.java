package dk.kommunejob.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** JOBS_RESPONSE_CACHE_ENABLED=false: every answer comes from PostgreSQL, and HTTP caching still works. */
@QuarkusTest
@TestProfile(ResponseCacheOffTest.CacheOff.class)
class ResponseCacheOffTest {

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobs.response-cache.enabled", "false");
        }
    }

    @Inject
    ResponseCache cache;

    @Inject
    Expiry expiry;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void answersAreTaggedAndRevalidatedButNotKept() {
        Org org = TestData.org();
        TestData.position(org, x -> {});
        String path = "/api/v1/positions?employer=" + org.employerId();

        String etag = given().get(path)
                .then()
                .statusCode(200)
                .header("ETag", matchesPattern(HttpCachingTest.STRONG_ETAG))
                .extract()
                .header("ETag");
        assertNull(cache.find(HttpCachingTest.key(path), expiry.now()));

        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        given().header("If-None-Match", etag).get(path).then().statusCode(304);
        assertTrue(statistics.getPrepareStatementCount() > 0, "the 304 was decided on a fresh read");
    }
}
