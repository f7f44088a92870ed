package dk.kommunejob.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A webhook receiver as a consumer would run one: it verifies every request's signature with the Standard Webhooks
 * reference library and answers with the status the test scripts (200 unless told otherwise).
 */
final class Receiver implements AutoCloseable {

    /** One request as it arrived, and whether its signature verified with the secret. */
    record Received(
            String id, String timestamp, String signature, String body, boolean verified, int answered, long atNanos) {

        JsonPath json() {
            return JsonPath.from(body);
        }

        /** Whether this request verifies with that secret too, as the reference library checks it. */
        boolean verifiesWith(String secret) {
            try {
                new Webhook(secret)
                        .verify(
                                body,
                                HttpHeaders.of(
                                        Map.of(
                                                "webhook-id", List.of(id),
                                                "webhook-timestamp", List.of(timestamp),
                                                "webhook-signature", List.of(signature)),
                                        (name, value) -> true));
                return true;
            } catch (WebhookVerificationException e) {
                return false;
            }
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private volatile String secret;
    private volatile IntSupplier otherwise = () -> 200;
    private volatile String retryAfter;
    private volatile Duration delay = Duration.ZERO;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            boolean verified;
            try {
                new Webhook(secret)
                        .verify(body, HttpHeaders.of(Map.copyOf(lowerCased(headers)), (name, value) -> true));
                verified = true;
            } catch (WebhookVerificationException e) {
                verified = false;
            }
            Integer scripted = script.poll();
            int status = scripted != null ? scripted : otherwise.getAsInt();
            received.add(new Received(
                    headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    body,
                    verified,
                    status,
                    System.nanoTime()));
            String retry = retryAfter;
            if (retry != null && (status == 429 || status == 503)) {
                exchange.getResponseHeaders().add("Retry-After", retry);
            }
            Duration wait = delay;
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    private static Map<String, List<String>> lowerCased(com.sun.net.httpserver.Headers headers) {
        Map<String, List<String>> lower = new java.util.HashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), values));
        return lower;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The secret the webhook was created with, which every signature must verify with. */
    void secret(String secret) {
        this.secret = secret;
    }

    /** The next answers, in order; then {@code otherwise}'s. */
    void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    /** Sent as Retry-After with every 429 and 503. */
    void retryAfter(String value) {
        this.retryAfter = value;
    }

    /** How long the receiver takes before it answers (the request is counted as it arrives). */
    void delay(Duration delay) {
        this.delay = delay;
    }

    void otherwise(IntSupplier status) {
        this.otherwise = status;
    }

    /** The next {@code n} requests, failing when they do not come within the wait. */
    List<Received> next(int n, Duration wait) throws InterruptedException {
        List<Received> got = new ArrayList<>();
        long until = System.nanoTime() + wait.toNanos();
        while (got.size() < n) {
            Received r = received.poll(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("received " + got.size() + " of " + n + " requests within " + wait + ": "
                        + got.stream().map(Received::body).toList());
            }
            got.add(r);
        }
        return got;
    }

    /** Whatever else arrives within the wait: nothing, when all was delivered once. */
    List<Received> more(Duration wait) throws InterruptedException {
        List<Received> got = new ArrayList<>();
        Received r;
        while ((r = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            got.add(r);
        }
        return got;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
