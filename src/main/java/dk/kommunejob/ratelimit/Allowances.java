package dk.kommunejob.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.ProblemType;
import dk.kommunejob.problem.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Token buckets per policy and caller (a client, or an address), refilled every minute; idle ones are forgotten.
 * Every answer to a counted request says what is left (IETF RateLimit fields); one over the allowance is a 429.
 */
@ApplicationScoped
public class Allowances {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(5))
            .maximumSize(100_000)
            .build();

    private final MeterRegistry metrics;

    Allowances(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * Counts one request of this caller against the policy. Zero when it was within the allowance, otherwise the
     * seconds until there is room again (for {@code Retry-After}) and nothing was counted.
     */
    public long take(String policy, int perMinute, String caller, HttpServerResponse response) {
        Bucket bucket = buckets.get(policy + "/" + perMinute + "/" + caller, key -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        // draft-ietf-httpapi-ratelimit-headers, on every answer this request gets.
        String name = '"' + policy + '"';
        response.putHeader("RateLimit-Policy", name + ";q=" + perMinute + ";w=60")
                .putHeader(
                        "RateLimit",
                        name + ";r=" + probe.getRemainingTokens() + ";t=" + seconds(probe.getNanosToWaitForReset()));
        if (probe.isConsumed()) {
            return 0;
        }
        metrics.counter("jobs.rate.limit.rejections", "policy", policy).increment();
        return Math.max(1, seconds(probe.getNanosToWaitForRefill()));
    }

    /** The same, throwing the 429 problem when refused: for the REST layer. */
    public void takeOrRefuse(String policy, int perMinute, String caller, HttpServerResponse response) {
        long retryAfter = take(policy, perMinute, caller, response);
        if (retryAfter > 0) {
            throw Problems.of(ProblemType.RATE_LIMITED)
                    .withDetail(detail(retryAfter))
                    .withHeader("Retry-After", retryAfter)
                    .build();
        }
    }

    static String detail(long retryAfter) {
        return Messages.text("problem.rate-limited.detail", retryAfter);
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
