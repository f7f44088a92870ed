import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receiver and the writer of bench/webhooks.sh, run with `java WebhookBench.java` (no build, no
 * dependencies). Registers webhooks, writes postings at a steady rate through the replicas, and measures, for each
 * delivery the receiver answers 2xx, the time since the event was written: the event's `at` (the writing
 * statement's time, so a little before its commit) to the 2xx leaving the receiver, after a quarter of the run
 * spent warming up. Prints percentiles, the events written and delivered per minute, and what was missing at the
 * end.
 */
public class WebhookBench {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");
    static final ConcurrentLinkedQueue<Long> LATENCIES_MICROS = new ConcurrentLinkedQueue<>();
    static final AtomicLong DELIVERED = new AtomicLong();
    static volatile boolean measuring;

    public static void main(String[] args) throws Exception {
        int receiverPort = Integer.parseInt(args[0]);
        List<String> replicas = List.of(args[1].split(","));
        String key = args[2];
        int webhooks = Integer.parseInt(args[3]);
        int eventsPerMinute = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 256);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/hook/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            java.time.Instant answered = java.time.Instant.now();
            long now = answered.getEpochSecond() * 1_000_000 + answered.getNano() / 1000;
            Matcher at = AT.matcher(body);
            if (measuring && at.find()) {
                OffsetDateTime written = OffsetDateTime.parse(at.group(1));
                long writtenMicros = written.toEpochSecond() * 1_000_000 + written.getNano() / 1000;
                LATENCIES_MICROS.add(now - writtenMicros);
            }
            DELIVERED.incrementAndGet();
        });
        server.start();

        // The machine's ceiling for this work, in the same run: signed-size POSTs from 16 threads (the replicas'
        // workers) with the JDK client straight to this receiver, no service in between.
        byte[] sample = ("{\"type\": \"position.created\", \"data\": \"" + "x".repeat(1500) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        AtomicLong posted = new AtomicLong();
        long ceilingEnds = System.nanoTime() + 5_000_000_000L;
        List<Thread> posters = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < ceilingEnds) {
                    try {
                        HTTP.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiverPort + "/hook/0"))
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(sample))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        posted.incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            t.start();
            posters.add(t);
        }
        for (Thread t : posters) {
            t.join();
        }
        System.out.printf("ceiling: %d POSTs/s straight to the receiver (16 threads, JDK client)%n", posted.get() / 5);
        DELIVERED.set(0);

        String units = call("GET", replicas.get(0) + "/api/v1/units", key, null).body();
        long unitId = Long.parseLong(first(ID, units));
        long employerId = Long.parseLong(first(Pattern.compile("\"employerId\":(\\d+)"), units));
        for (int i = 0; i < webhooks; i++) {
            call(
                    "POST",
                    replicas.get(i % replicas.size()) + "/api/v1/webhooks",
                    key,
                    "{\"url\": \"http://127.0.0.1:%d/hook/%d\"}".formatted(receiverPort, i));
        }
        System.out.printf(
                "webhook bench: %d webhooks on %d replicas, %d events/min for %d s (%d deliveries/s)%n",
                webhooks, replicas.size(), eventsPerMinute, seconds, eventsPerMinute * webhooks / 60);

        // Written at a steady pace, each write on its own schedule so that a slow answer does not slow the rate.
        var ticks = Executors.newSingleThreadScheduledExecutor();
        var writers = Executors.newFixedThreadPool(16);
        AtomicInteger written = new AtomicInteger();
        AtomicInteger failedWrites = new AtomicInteger();
        long periodMicros = 60_000_000L / eventsPerMinute;
        long started = System.nanoTime();
        var schedule = ticks.scheduleAtFixedRate(
                () -> writers.execute(() -> {
                    int n = written.incrementAndGet();
                    String body = """
                            {"title": "Webhook bench %d", "employerId": %d, "unitId": %d, "applicationDeadline": "%s",
                             "applyUrl": "https://albertslund.dk/job",
                             "sections": [{"heading": "Indledning", "body": "Målt."}]}"""
                            .formatted(n, employerId, unitId, java.time.LocalDate.now().plusDays(30));
                    HttpResponse<String> answer =
                            call("POST", replicas.get(n % replicas.size()) + "/api/v1/positions", key, body);
                    if (answer == null || answer.statusCode() != 201) {
                        failedWrites.incrementAndGet();
                    }
                }),
                0,
                periodMicros,
                java.util.concurrent.TimeUnit.MICROSECONDS);
        // The first quarter warms the replicas up (JIT, pools, caches) and is not measured.
        Thread.sleep(seconds * 250L);
        long warm = DELIVERED.get();
        measuring = true;
        Thread.sleep(seconds * 750L);
        schedule.cancel(false);
        ticks.shutdown();
        writers.shutdown();
        writers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        double writing = (System.nanoTime() - started) / 1e9;
        long expected = (long) written.get() * webhooks;
        long waitFrom = System.nanoTime();
        while (DELIVERED.get() < expected && System.nanoTime() - waitFrom < 60_000_000_000L) {
            Thread.sleep(100);
        }
        measuring = false;
        double drained = (System.nanoTime() - waitFrom) / 1e9;

        List<Long> sorted = new ArrayList<>(LATENCIES_MICROS);
        Collections.sort(sorted);
        System.out.printf("measured %d deliveries after %d warming up%n", sorted.size(), warm);
        System.out.printf(
                "written %d events in %.0f s (%.0f/min, %d failed), delivered %d of %d (%.0f deliveries/s), last"
                        + " one %.1f s after the writes ended%n",
                written.get(),
                writing,
                written.get() * 60 / writing,
                failedWrites.get(),
                DELIVERED.get(),
                expected,
                DELIVERED.get() / (writing + drained),
                drained);
        if (!sorted.isEmpty()) {
            System.out.printf(
                    "write -> 2xx: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, p99.9 %.0f ms, max %.0f ms%n",
                    pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), pct(sorted, 0.999),
                    sorted.get(sorted.size() - 1) / 1000.0);
        }
        server.stop(0);
        System.exit(DELIVERED.get() >= expected ? 0 : 1);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1000.0;
    }

    static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return m.group(1);
    }

    static HttpResponse<String> call(String method, String url, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
