import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receiver, the writer and the judge of deploy/webhook-fault-test.sh, run with `java WebhookFaultRun.java`
 * (no build, no dependencies). It registers webhooks on two replicas' shared database, writes postings through
 * both replicas, and plays a receiver that goes down, answers 500s, answers slowly, and outlives a replica killed
 * while delivering. After each case it reads the change feed and checks, for every webhook: every event accepted,
 * each first accepted in feed order, none sent before the one ahead of it was accepted, and no event accepted
 * twice, except the killed replica's one in flight. Exits 1 when a check fails.
 */
public class WebhookFaultRun {

    /** One request the receiver took: when it came and when (and how) it was answered. */
    record Request(String messageId, String cursor, long arrivedNanos, long answeredNanos, int status) {}

    enum Mode {
        ok,
        failing,
        slow
    }

    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final Pattern CURSOR = Pattern.compile("\"cursor\":\"(\\d+\\.\\d+)\"");
    static final Pattern NEXT = Pattern.compile("\"next\":\"(\\d+\\.\\d+)\"");

    static final Map<Integer, List<Request>> RECEIVED = new ConcurrentHashMap<>();
    static final Map<Integer, AtomicInteger> IN_FLIGHT = new ConcurrentHashMap<>();
    static final AtomicBoolean WRITING = new AtomicBoolean();
    static final AtomicInteger WRITES = new AtomicInteger();
    static volatile Mode mode = Mode.ok;
    static volatile Duration slowness = Duration.ofMillis(1500);
    static HttpServer server;
    static int receiverPort;
    static List<String> replicas;
    static String key;
    static String start;
    static long employerId;
    static long unitId;
    static boolean failed;

    public static void main(String[] args) throws Exception {
        receiverPort = Integer.parseInt(args[0]);
        replicas = List.of(args[1].split(","));
        key = args[2];
        String killHolder = args[3];
        int webhooks = Integer.parseInt(args[4]);
        findUnit();
        receiverUp();
        start = feedHead();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < webhooks; i++) {
            RECEIVED.put(i, new CopyOnWriteArrayList<>());
            IN_FLIGHT.put(i, new AtomicInteger());
            String created = call(
                            "POST",
                            replicas.get(i % 2) + "/api/v1/webhooks",
                            "{\"url\": \"http://127.0.0.1:%d/hook/%d\"}".formatted(receiverPort, i))
                    .body();
            ids.add(Long.parseLong(first(ID, created)));
        }
        System.out.printf("webhook fault: %d webhooks %s, feed from %s%n", webhooks, ids, start);

        scenario("two replicas delivering at once", Duration.ofSeconds(15), () -> {}, () -> {}, 0);
        scenario(
                "receiver down for 60 s",
                Duration.ofSeconds(60),
                WebhookFaultRun::receiverDown,
                WebhookFaultRun::receiverUp,
                0);
        scenario("receiver answering 500", Duration.ofSeconds(15), () -> mode = Mode.failing, () -> mode = Mode.ok, 0);
        scenario("receiver answering slowly (1.5 s)", Duration.ofSeconds(15), () -> mode = Mode.slow, () -> mode = Mode.ok, 0);

        // A replica killed mid-delivery: the receiver slow, so that the replica holding webhooks has events in
        // flight; the replica holding a webhook's lock (found in pg_locks) is sent SIGKILL.
        slowness = Duration.ofMillis(3000);
        mode = Mode.slow;
        WRITING.set(true);
        Thread writer = new Thread(WebhookFaultRun::write);
        writer.start();
        Thread.sleep(8_000);
        Map<Integer, Integer> inFlight = new HashMap<>();
        IN_FLIGHT.forEach((hook, n) -> inFlight.put(hook, n.get()));
        long killed = System.nanoTime();
        Process kill = new ProcessBuilder("bash", "-c", killHolder).inheritIO().start();
        boolean hit = kill.waitFor() == 0;
        int killedInFlight = inFlight.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("case \"replica killed mid-delivery\": %s, %d requests in flight at the kill%n",
                hit ? "killed the replica holding webhook locks" : "no replica held a lock", killedInFlight);
        check(hit && killedInFlight > 0, "a replica was killed while its deliveries were in flight");
        // The survivor writes, and is read, from now on.
        replicas = replicas.stream()
                .filter(r -> {
                    HttpResponse<String> ready = call("GET", r + "/q/health/ready", null);
                    return ready != null && ready.statusCode() == 200;
                })
                .toList();
        Thread.sleep(10_000);
        WRITING.set(false);
        writer.join();
        mode = Mode.ok;
        Map<Integer, Double> handover = new HashMap<>();
        for (var e : RECEIVED.entrySet()) {
            e.getValue().stream()
                    .filter(r -> r.arrivedNanos() > killed)
                    .mapToLong(Request::arrivedNanos)
                    .min()
                    .ifPresent(t -> handover.put(e.getKey(), (t - killed) / 1e9));
        }
        double slowest = handover.values().stream().mapToDouble(Double::doubleValue).max().orElse(-1);
        System.out.printf("  after the kill, each webhook's next request came within %.1f s%n", slowest);
        check(handover.size() == webhooks && slowest <= 30, "every webhook handed over within 30 s");
        judge("replica killed mid-delivery", killed, 1);

        System.out.println(failed ? "webhook fault: FAIL" : "webhook fault: PASS");
        server.stop(0);
        System.exit(failed ? 1 : 0);
    }

    /** Writes while the fault lasts, then ends it and judges once every webhook has caught up. */
    static void scenario(String name, Duration length, Runnable fault, Runnable mend, int duplicatesAllowed)
            throws Exception {
        long since = System.nanoTime();
        fault.run();
        WRITING.set(true);
        Thread writer = new Thread(WebhookFaultRun::write);
        writer.start();
        Thread.sleep(length.toMillis());
        WRITING.set(false);
        writer.join();
        mend.run();
        judge(name, since, duplicatesAllowed);
    }

    /**
     * Waits until each webhook has accepted every event of the feed (up to two minutes), then checks the order and
     * the duplicates of what came since the case began.
     */
    static void judge(String name, long since, int duplicatesAllowedPerWebhook) throws Exception {
        List<String> feed = feed();
        long waitedFrom = System.nanoTime();
        while (System.nanoTime() - waitedFrom < 120_000_000_000L && !allAccepted(feed)) {
            Thread.sleep(250);
        }
        double caughtUp = (System.nanoTime() - waitedFrom) / 1e9;
        Thread.sleep(2_000); // anything sent twice after catching up would show now
        int duplicates = 0;
        int missing = 0;
        int outOfOrder = 0;
        int dupWebhooksOver = 0;
        for (var e : RECEIVED.entrySet()) {
            List<Request> requests = new ArrayList<>(e.getValue());
            requests.sort((a, b) -> Long.compare(a.arrivedNanos(), b.arrivedNanos()));
            Map<String, Long> acceptedAt = new HashMap<>();
            List<String> firstAccepted = new ArrayList<>();
            for (Request r : requests) {
                if (r.status() / 100 == 2 && !acceptedAt.containsKey(r.cursor())) {
                    acceptedAt.put(r.cursor(), r.answeredNanos());
                    firstAccepted.add(r.cursor());
                }
            }
            missing += (int) feed.stream().filter(c -> !acceptedAt.containsKey(c)).count();
            if (!firstAccepted.equals(feed.subList(0, Math.min(feed.size(), firstAccepted.size())))) {
                outOfOrder++;
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < feed.size(); i++) {
                index.put(feed.get(i), i);
            }
            for (Request r : requests) {
                Integer i = index.get(r.cursor());
                if (i == null) {
                    outOfOrder++; // an event not in the feed, or sent to the wrong webhook
                } else if (i > 0) {
                    Long before = acceptedAt.get(feed.get(i - 1));
                    if (before == null || before > r.arrivedNanos()) {
                        outOfOrder++; // sent before the event ahead of it was accepted
                    }
                }
            }
            Set<String> seen = new HashSet<>();
            int mine = 0;
            for (Request r : requests) {
                if (r.status() / 100 == 2 && !seen.add(r.cursor()) && r.arrivedNanos() > since) {
                    mine++;
                }
            }
            duplicates += mine;
            if (mine > duplicatesAllowedPerWebhook) {
                dupWebhooksOver++;
            }
        }
        System.out.printf(
                "case \"%s\": %d events in the feed, caught up %.1f s after the fault ended; missing %d, out of order"
                        + " %d, accepted twice %d%n",
                name, feed.size(), caughtUp, missing, outOfOrder, duplicates);
        check(missing == 0, "every event delivered to every webhook");
        check(outOfOrder == 0, "in feed order, none sent before the one ahead of it was accepted");
        check(dupWebhooksOver == 0, "no duplicates beyond " + duplicatesAllowedPerWebhook + " per webhook");
    }

    static boolean allAccepted(List<String> feed) {
        for (List<Request> requests : RECEIVED.values()) {
            Set<String> accepted = new HashSet<>();
            requests.stream().filter(r -> r.status() / 100 == 2).forEach(r -> accepted.add(r.cursor()));
            if (!accepted.containsAll(feed)) {
                return false;
            }
        }
        return true;
    }

    static void check(boolean ok, String what) {
        System.out.println("  " + (ok ? "ok    " : "FAILED") + " " + what);
        failed |= !ok;
    }

    static void receiverUp() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook/", exchange -> {
            long arrived = System.nanoTime();
            int hook = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hook/".length()));
            exchange.getRequestBody().readAllBytes();
            String messageId = exchange.getRequestHeaders().getFirst("webhook-id");
            // msg_<webhook>_<tx>_<seq>: the event's cursor is tx.seq.
            String[] parts = messageId.split("_");
            String cursor = parts[2] + "." + parts[3];
            IN_FLIGHT.get(hook).incrementAndGet();
            Mode now = mode;
            try {
                if (now == Mode.slow) {
                    Thread.sleep(slowness.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = now == Mode.failing ? 500 : 200;
            // Taken before answering: the next event may arrive before this thread runs again.
            long answered = System.nanoTime();
            try {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            } catch (IOException e) {
                status = 0; // the sender is gone: not accepted
            }
            IN_FLIGHT.get(hook).decrementAndGet();
            RECEIVED.get(hook).add(new Request(messageId, cursor, arrived, answered, status));
        });
        server.start();
    }

    static void receiverDown() {
        server.stop(0); // connections refused from now on
    }

    static void write() {
        int n = 0;
        while (WRITING.get()) {
            String replica = replicas.get(n++ % replicas.size());
            String body = """
                    {"title": "Webhook fault %d", "employerId": %d, "unitId": %d, "applicationDeadline": "%s",
                     "applyUrl": "https://albertslund.dk/job",
                     "sections": [{"heading": "Indledning", "body": "Sendt under en fejl."}]}"""
                    .formatted(WRITES.incrementAndGet(), employerId, unitId, java.time.LocalDate.now().plusDays(30));
            HttpResponse<String> answer = call("POST", replica + "/api/v1/positions", body);
            if (answer == null || answer.statusCode() != 201) {
                System.out.println("  a write failed: " + (answer == null ? "no answer" : answer.body()));
            }
            pause(200);
        }
    }

    /** Every event of the feed after the start, as an admin reads it: what each webhook must have accepted. */
    static List<String> feed() throws Exception {
        List<String> cursors = new ArrayList<>();
        String after = start;
        while (true) {
            String page = call("GET", replicas.get(0) + "/api/v1/changes?limit=1000&after=" + after, null)
                    .body();
            Matcher m = CURSOR.matcher(page);
            int found = 0;
            while (m.find()) {
                cursors.add(m.group(1));
                found++;
            }
            String next = first(NEXT, page);
            if (found == 0 || next.equals(after)) {
                return cursors;
            }
            after = next;
        }
    }

    static String feedHead() throws Exception {
        String after = "0.0";
        while (true) {
            String page = call("GET", replicas.get(0) + "/api/v1/changes?limit=1000&after=" + after, null)
                    .body();
            String next = first(NEXT, page);
            if (next.equals(after)) {
                return after;
            }
            after = next;
        }
    }

    static void findUnit() throws Exception {
        String units = call("GET", replicas.get(0) + "/api/v1/units", null).body();
        unitId = Long.parseLong(first(ID, units));
        employerId = Long.parseLong(first(Pattern.compile("\"employerId\":(\\d+)"), units));
    }

    static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return m.group(1);
    }

    static HttpResponse<String> call(String method, String url, String body) {
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

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
