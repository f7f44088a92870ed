package dk.kommunejob.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.ProblemType;
import dk.kommunejob.problem.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;

/** Token buckets per client and bucket, refilled every minute; idle ones are forgotten. */
@RateLimited("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RateLimitInterceptor {

    private static final Cache<String, Bucket> BUCKETS = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(5))
            .maximumSize(100_000)
            .build();

    @Inject
    JobsConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext request;

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        RateLimited limited = invocation.getMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            limited = invocation.getMethod().getDeclaringClass().getAnnotation(RateLimited.class);
        }
        int perMinute = limited.value().equals("feed")
                ? config.rateLimit().feedReadsPerMinute()
                : config.rateLimit().writesPerMinute();
        Caller caller = identity.isAnonymous() ? null : Caller.of(identity);
        String who = caller != null
                ? "client-" + caller.clientId()
                : "address-" + request.request().remoteAddress().host();
        Bucket bucket = BUCKETS.get(limited.value() + "/" + perMinute + "/" + who, key -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        // IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers), on every answer this request gets.
        String policy = '"' + limited.value() + '"';
        long restoredIn = seconds(probe.getNanosToWaitForReset());
        request.response()
                .putHeader("RateLimit-Policy", policy + ";q=" + perMinute + ";w=60")
                .putHeader("RateLimit", policy + ";r=" + probe.getRemainingTokens() + ";t=" + restoredIn);
        if (!probe.isConsumed()) {
            metrics.counter("jobs.rate.limit.rejections", "policy", limited.value())
                    .increment();
            long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
            throw Problems.of(ProblemType.RATE_LIMITED)
                    .withDetail(Messages.text("problem.rate-limited.detail", retryAfter))
                    .withHeader("Retry-After", retryAfter)
                    .build();
        }
        return invocation.proceed();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
