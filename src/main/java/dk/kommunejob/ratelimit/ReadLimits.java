package dk.kommunejob.ratelimit;

import dk.kommunejob.cache.CachedAnswers;
import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.ProblemType;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.problem.RouteProblems;
import dk.kommunejob.warmup.WarmUp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Duration;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A fair share for reads the response cache did not answer (those it answers never get here, and cost next to
 * nothing): each caller has an allowance a minute, its client's when it sends a key, its address's otherwise
 * ({@link ClientAddress}); and only so many run at once, the rest waiting their turn without a thread, so that one
 * caller's flood of searches no one asked before cannot take the CPU from everyone's cached pages.
 *
 * <p>A caller without a key is counted on the event loop right after the cache passed the request on, and refused
 * there: a 429 must cost no more than a cached answer, or a flood of them would still take the CPU (bench/README.md,
 * "Flood"), and it is sent after a second's pause, so that a flood that ignores Retry-After is slowed to a request a
 * second per connection. A key is known only once it is authenticated, so a caller with one is counted in the REST layer. A wait
 * for a permit past 5 s is a 503. The change feed and the clients' own data have allowances of their own
 * ({@link RateLimited}) besides.
 */
@ApplicationScoped
public class ReadLimits {

    static final String POLICY = "reads";
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    private static final int BUSY_RETRY_AFTER = 1;
    /** How long a refusal of a read without a key waits before it is sent. */
    private static final long REFUSAL_PAUSE_MILLIS = 1000;
    /** Right after the response cache, so that what it answered never comes here, and before authentication. */
    private static final int AFTER_THE_CACHE = CachedAnswers.PRIORITY - 1;

    private final JobsConfig config;
    private final Allowances allowances;
    private final ClientAddress address;
    private final RouteProblems problems;
    private final ReadPermits permits;
    private final WarmUp warmUp;
    private final Counter busy;

    ReadLimits(
            JobsConfig config,
            Allowances allowances,
            ClientAddress address,
            RouteProblems problems,
            WarmUp warmUp,
            MeterRegistry metrics) {
        this.warmUp = warmUp;
        this.config = config;
        this.allowances = allowances;
        this.address = address;
        this.problems = problems;
        this.permits = new ReadPermits(config.rateLimit().readsAtOnce(), LONGEST_WAIT);
        this.busy = Counter.builder("jobs.reads.busy")
                .description(
                        "Reads refused 503 service-busy after waiting for their turn too long (not logged one by one)")
                .register(metrics);
        Gauge.builder("jobs.reads.running", permits, ReadPermits::held)
                .description("Reads the response cache did not answer, running now")
                .register(metrics);
        Gauge.builder("jobs.reads.waiting", permits, ReadPermits::waiting)
                .description("Reads the response cache did not answer, waiting for their turn")
                .register(metrics);
    }

    void register(@Observes Filters filters) {
        filters.register(this::anonymous, AFTER_THE_CACHE);
    }

    /** A read without a key that the cache did not answer: counted by its address, and refused here when over. */
    private void anonymous(RoutingContext context) {
        HttpServerRequest request = context.request();
        if ((request.method() != io.vertx.core.http.HttpMethod.GET
                        && request.method() != io.vertx.core.http.HttpMethod.HEAD)
                || !request.path().startsWith("/api/")
                || request.headers().contains(HttpHeaders.AUTHORIZATION)) {
            context.next();
            return;
        }
        // The warm-up's own reads are counted too, under an allowance no warm-up uses up, so that the JIT has compiled
        // the counting before a visitor's read needs it; this machine's address keeps its whole allowance.
        boolean warmUpsOwn = warmUp.exempts(request);
        long retryAfter = allowances.take(
                POLICY,
                warmUpsOwn ? Integer.MAX_VALUE : config.rateLimit().readsPerMinute(),
                warmUpsOwn ? "warm-up" : "address-" + address.of(request),
                context.response());
        if (retryAfter > 0) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            // After a pause, on a timer (no thread waits): a flooder that does not wait for Retry-After is slowed
            // to one refusal a second per connection, and its refusals cannot take the CPU either.
            context.vertx().setTimer(REFUSAL_PAUSE_MILLIS, timer -> {
                if (!context.response().closed()) {
                    problems.send(context, ProblemType.RATE_LIMITED, Allowances.detail(retryAfter), Map.of());
                }
            });
            return;
        }
        context.next();
    }

    @ServerRequestFilter(nonBlocking = true)
    public Uni<Void> limit(ContainerRequestContext request, RoutingContext routing) {
        String method = request.getMethod();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            return Uni.createFrom().voidItem();
        }
        SecurityIdentity identity = routing.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity != null && !identity.isAnonymous()) {
            allowances.takeOrRefuse(
                    POLICY,
                    config.rateLimit().clientReadsPerMinute(),
                    RateLimitInterceptor.client(identity),
                    routing.response());
        }
        ReadPermits.Ticket ticket = permits.ticket();
        routing.addEndHandler(ended -> ticket.ended());
        return permits.enter(ticket).onFailure(ReadPermits.Busy.class).transform(waitedTooLong -> {
            busy.increment();
            return Problems.of(ProblemType.SERVICE_BUSY)
                    .withDetail(Messages.text("problem.service-busy.detail"))
                    .withHeader("Retry-After", BUSY_RETRY_AFTER)
                    .build();
        });
    }
}
