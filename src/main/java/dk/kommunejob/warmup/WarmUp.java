package dk.kommunejob.warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kommunejob.common.JobsConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * A new replica answers at a small fraction of its speed until the JIT has compiled its request paths, and it gets
 * traffic the moment it is ready (bench/README.md, "Time to peak"). So before readiness turns UP it sends itself, over
 * its own HTTP port, the public reads a website sends: lists, pages, searches, suggestions, postings and
 * revalidations, a third of them answered by the response cache and the rest, asked with {@code Cache-Control:
 * no-cache}, read from PostgreSQL (the cached path settles in seconds; the database's takes minutes). It does so for
 * at least {@code jobs.warm-up.duration}, then on until the JIT has settled ({@link JitActivity}), at most
 * {@code jobs.warm-up.max-duration} in all. Liveness is UP meanwhile; readiness says "warm-up" DOWN.
 *
 * <p>Its requests come from the loopback address while the replica is not ready: only they are counted under an
 * allowance of their own instead of the address's, and may bypass the cache ({@link #exempts}); once it is ready no
 * request is.
 */
@Singleton
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    /** Few at once: on two cores the JIT's compiler threads need CPU beside the requests they compile for. */
    private static final int AT_ONCE = 4;
    /** The address it sends to, and so from. */
    private static final String FROM = "127.0.0.1";

    /** Words and keystrokes of a website's visitors (compounds, ae for æ, a typo), encoded for a query. */
    private static final List<String> SEARCHES = encoded(
            "pædagog", "lærer", "sygeplejerske", "paedagog", "sygeplejeske", "rengøring", "social", "leder", "it");

    private static final List<String> PREFIXES = encoded("p", "pæ", "pæd", "sy", "syg", "læ", "lær", "re", "so");

    private final JobsConfig config;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger stopped = new AtomicInteger();
    private volatile boolean done;
    private volatile List<Long> ids = List.of();
    private HttpClient client;
    private long began;
    private volatile long until;
    private volatile boolean jitSettled;

    WarmUp(JobsConfig config, Vertx vertx, ObjectMapper json) {
        this.config = config;
        this.vertx = vertx;
        this.json = json;
        this.done = config.warmUp().duration().isZero();
    }

    void begin(@ObservesAsync HttpServerStart server) {
        if (done) {
            return;
        }
        int port = port(server);
        LOG.infof(
                "Warming up for %s on port %d before readiness", config.warmUp().duration(), port);
        client = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(FROM)
                .setDefaultPort(port)
                .setMaxPoolSize(AT_ONCE)
                .setKeepAlive(true));
        began = System.nanoTime();
        until = began
                + Math.max(
                        config.warmUp().duration().toNanos(),
                        config.warmUp().maxDuration().toNanos());
        watchTheJit(JitActivity.ofThisJvm(began));
        get("/api/v1/positions?size=100", false).onComplete(first -> {
            if (first.succeeded()) {
                ids = ids(first.result());
            }
            for (int i = 0; i < AT_ONCE; i++) {
                next();
            }
        });
    }

    /** The port the server listens on; a test's random one is known from its configuration once it is bound. */
    private static int port(HttpServerStart server) {
        int port = server.options().getPort();
        if (port > 0) {
            return port;
        }
        String name = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return ConfigProvider.getConfig().getValue(name, Integer.class);
    }

    /** After each window once the least duration is past, whether the JIT has settled; if so, the requests stop. */
    private void watchTheJit(JitActivity jit) {
        long least = config.warmUp().duration().toNanos();
        vertx.setPeriodic(1000, timer -> {
            long now = System.nanoTime();
            boolean settled = jit.settled(now);
            if (done || now - until >= 0) {
                vertx.cancelTimer(timer);
            } else if (settled && now - began >= least) {
                vertx.cancelTimer(timer);
                jitSettled = true;
                until = now;
            }
        });
    }

    /** One request after another until the time is up; the last of the AT_ONCE to stop ends the warm-up. */
    private void next() {
        if (System.nanoTime() - until >= 0) {
            if (stopped.incrementAndGet() == AT_ONCE) {
                finish();
            }
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        get(path(random), random.nextInt(3) > 0).onComplete(answer -> next());
    }

    private String path(ThreadLocalRandom random) {
        List<Long> known = ids;
        // A posting's page most often: the costliest read from the database, and the slowest for the JIT to settle.
        return switch (random.nextInt(8)) {
            case 0 -> "/api/v1/positions";
            case 1 -> "/api/v1/positions?page=" + (1 + random.nextInt(5)) + "&size=" + (10 + random.nextInt(40));
            case 2 -> "/api/v1/positions?q=" + SEARCHES.get(random.nextInt(SEARCHES.size()));
            case 3 -> "/api/v1/suggestions?q=" + PREFIXES.get(random.nextInt(PREFIXES.size()));
            case 4 -> "/api/v1/deadlines";
            default ->
                known.isEmpty() ? "/api/v1/positions" : "/api/v1/positions/" + known.get(random.nextInt(known.size()));
        };
    }

    /** A GET, read whole, and a third of the time revalidated with the ETag it was given. */
    private Future<Buffer> get(String path, boolean fromDatabase) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setURI(path);
        if (fromDatabase) {
            request.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        return send(request).compose(answer -> {
            String etag = answer.etag();
            if (etag == null || ThreadLocalRandom.current().nextInt(3) != 0) {
                return Future.succeededFuture(answer.body());
            }
            return send(new RequestOptions()
                            .setMethod(HttpMethod.GET)
                            .setURI(path)
                            .putHeader(HttpHeaders.IF_NONE_MATCH, etag))
                    .map(answer.body());
        });
    }

    private record Answer(String etag, Buffer body) {}

    private Future<Answer> send(RequestOptions request) {
        sent.incrementAndGet();
        return client.request(request)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() >= 400) {
                        failed.incrementAndGet();
                    }
                    return new Answer(response.getHeader(HttpHeaders.ETAG), body);
                }))
                .onFailure(e -> failed.incrementAndGet());
    }

    private List<Long> ids(Buffer body) {
        List<Long> found = new ArrayList<>();
        try {
            for (JsonNode item : json.readTree(body.getBytes()).path("items")) {
                found.add(item.path("id").asLong());
            }
        } catch (IOException e) {
            failed.incrementAndGet();
        }
        return List.copyOf(found);
    }

    private void finish() {
        done = true;
        client.close();
        LOG.infof(
                "Warmed up in %d s (%s): %d requests, %d failed",
                (System.nanoTime() - began) / 1_000_000_000L,
                jitSettled ? "the JIT settled" : "its longest",
                sent.get(),
                failed.get());
    }

    /**
     * Whether a request is the warm-up's own: from the address it sends from, while the replica is warming up. Those
     * are not counted against the address's read allowance, and may ask past the response cache. Every request asks,
     * so once it is over this is one read of a field (and the bean has no client proxy).
     */
    public boolean exempts(HttpServerRequest request) {
        return !done && FROM.equals(request.remoteAddress().hostAddress());
    }

    private static List<String> encoded(String... words) {
        return Stream.of(words)
                .map(w -> URLEncoder.encode(w, StandardCharsets.UTF_8))
                .toList();
    }

    boolean done() {
        return done;
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    /** Readiness's "warm-up" check: DOWN until it is over, with how many requests it sent and how many failed. */
    @Readiness
    @ApplicationScoped
    static class Check implements HealthCheck {

        private final WarmUp warmUp;

        Check(WarmUp warmUp) {
            this.warmUp = warmUp;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("warm-up")
                    .status(warmUp.done())
                    .withData("requests", warmUp.sent())
                    .withData("failed", warmUp.failed())
                    .withData("jitSettled", warmUp.jitSettled)
                    .build();
        }
    }
}
