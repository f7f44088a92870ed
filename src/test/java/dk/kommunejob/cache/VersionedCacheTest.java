package dk.kommunejob.cache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Kept values stay within their weight, the keys' share counted. */
@QuarkusTest
class VersionedCacheTest {

    @Inject
    DataVersion version;

    @Test
    void longKeysCountInTheWeight() {
        // A list's answer kept under a request that carried 4 KB of parameters the service ignores.
        String key = "da/json/api/v1/positions?" + "x".repeat(4_000);
        ResponseCache.Answer answer =
                new ResponseCache.Answer(Buffer.buffer("{\"items\":[]}"), "application/json", "\"e\"", null, null, "/");
        assertTrue(ResponseCache.weight(key, answer) > 4_000, "the key is weighed");

        VersionedCache<String, ResponseCache.Answer> cache =
                new VersionedCache<>(version, 100_000, ResponseCache::weight, true);
        for (int i = 0; i < 1_000; i++) {
            cache.keep(key + i, Validity.ofGeneration(version.generation()), answer);
        }
        long weight = cache.weight();
        assertTrue(weight <= 100_000, weight + " kept");
        assertTrue(weight > 50_000, "values were kept: " + weight);
    }
}
