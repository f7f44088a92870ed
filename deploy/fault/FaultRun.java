import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load and the judge of deploy/fault-test.sh, run with `java FaultRun.java` (no build, no
 * dependencies). Readers and writers run against the service while PostgreSQL is stopped and started
 * again, then while the service is sent SIGTERM. Writers behave as a good client should: a 503 is
 * retried after Retry-After with the same Idempotency-Key. Prints what was answered and exits 1 on a
 * 500, a lost or doubled write, a failed connection, or a recovery slower than the bound.
 */
public class FaultRun {

    record Answer(String phase, String request, long startedNanos, long endedNanos, int status, String error) {}

    /** An anonymous read of a page the website shows all the time, which the response cache holds. */
    record CachedRead(String phase, int status, boolean stale) {}

    /** The share of those reads answered 200 while PostgreSQL is down must be at least this (stale-if-error). */
    static final double CACHED_DURING_OUTAGE = 0.99;

    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    static final ConcurrentLinkedQueue<Answer> ANSWERS = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<CachedRead> CACHED = new ConcurrentLinkedQueue<>();
    static final Map<Long, String> WRITTEN = new ConcurrentHashMap<>();
    static final Set<String> WRITE_FAILURES = ConcurrentHashMap.newKeySet();
    static final AtomicBoolean RUNNING = new AtomicBoolean(true);
    static volatile String phase = "before";

    /** Requests under way, by the thread that sent them: when each was sent (System.nanoTime). */
    static final Map<Thread, Long> UNDER_WAY = new ConcurrentHashMap<>();

    static String base;
    static String key;
    static long employerId;
    static long unitId;

    public static void main(String[] args) throws Exception {
        base = args[1];
        key = args[2];
        if (args[0].equals("verify")) {
            System.exit(verify(java.nio.file.Path.of(args[3])) ? 0 : 1);
        }
        long servicePid = Long.parseLong(args[3]);
        String stopDatabase = args[4];
        String startDatabase = args[5];
        double maxRecoverySeconds = Double.parseDouble(args[6]);
        int outageSeconds = Integer.parseInt(args[7]);
        java.nio.file.Path written = java.nio.file.Path.of(args[8]);
        findUnit();

        Thread watch = new Thread(() -> dumpThreadsOnHang(servicePid, java.nio.file.Path.of(args[9])), "watch");
        watch.setDaemon(true);
        watch.start();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            load.add(start("reader-" + i, FaultRun::read));
        }
        for (int i = 0; i < 2; i++) {
            load.add(start("writer-" + i, FaultRun::write));
        }
        for (int i = 0; i < 2; i++) {
            load.add(start("website-" + i, FaultRun::readCached));
        }
        Thread.sleep(5_000);

        phase = "outage";
        long stopped = System.nanoTime();
        run(stopDatabase);
        long stopTook = System.nanoTime() - stopped;
        Thread.sleep(outageSeconds * 1000L);
        boolean readyDuringOutage = ready();
        run(startDatabase); // returns when PostgreSQL accepts connections
        long back = System.nanoTime();
        phase = "after";
        long readyAgain = -1;
        while (System.nanoTime() - back < 10_000_000_000L) {
            if (readyAgain < 0 && ready()) {
                readyAgain = System.nanoTime();
            }
            Thread.sleep(50);
        }

        // Rolling upgrade: SIGTERM under load. A load balancer stops sending once readiness is DOWN
        // (after a probe period, here 1 s); until then every request must still be answered.
        phase = "shutdown";
        long term = System.nanoTime();
        ProcessHandle.of(servicePid).orElseThrow().destroy();
        long notReady = -1;
        while (notReady < 0 && System.nanoTime() - term < 10_000_000_000L) {
            if (!ready()) {
                notReady = System.nanoTime();
            }
            Thread.sleep(20);
        }
        Thread.sleep(1_000);
        RUNNING.set(false);
        for (Thread t : load) {
            t.join();
        }
        boolean exited = ProcessHandle.of(servicePid)
                .map(p -> p.onExit().completeOnTimeout(p, 30, java.util.concurrent.TimeUnit.SECONDS)
                        .join()
                        .isAlive())
                .map(alive -> !alive)
                .orElse(true);

        StringBuilder lines = new StringBuilder();
        WRITTEN.forEach((id, title) -> lines.append(id).append('\t').append(title).append('\n'));
        java.nio.file.Files.writeString(written, lines);
        System.exit(report(stopTook, back, readyAgain, term, notReady, exited, readyDuringOutage, maxRecoverySeconds)
                ? 0
                : 1);
    }

    /** Every write answered 201 is there, as written, and in the change feed. */
    static boolean verify(java.nio.file.Path written) throws Exception {
        Map<Long, String> writes = new TreeMap<>();
        for (String line : java.nio.file.Files.readAllLines(written)) {
            String[] parts = line.split("\t");
            writes.put(Long.parseLong(parts[0]), parts[1]);
        }
        Set<Long> inFeed = new java.util.HashSet<>();
        String after = "";
        while (true) {
            String page = get("/api/v1/changes?limit=1000" + (after.isEmpty() ? "" : "&after=" + after), key)
                    .body();
            Matcher id = Pattern.compile("\"positionId\":(\\d+)").matcher(page);
            int events = 0;
            while (id.find()) {
                inFeed.add(Long.parseLong(id.group(1)));
                events++;
            }
            Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(page);
            if (events == 0 || !next.find()) {
                break;
            }
            after = next.group(1);
        }
        int missing = 0;
        int notInFeed = 0;
        for (Map.Entry<Long, String> write : writes.entrySet()) {
            HttpResponse<String> stored = get("/api/v1/positions/" + write.getKey() + "/editable", key);
            if (stored.statusCode() != 200 || !stored.body().contains(write.getValue())) {
                System.out.printf("LOST: position %d (%s): %d%n", write.getKey(), write.getValue(), stored.statusCode());
                missing++;
            }
            if (!inFeed.contains(write.getKey())) {
                System.out.printf("NOT IN FEED: position %d%n", write.getKey());
                notInFeed++;
            }
        }
        System.out.printf(
                "writes answered 201: %d; present afterwards: %d; in the change feed: %d%n",
                writes.size(), writes.size() - missing, writes.size() - notInFeed);
        return missing == 0 && notInFeed == 0;
    }

    /** A unit of the sample employer, for the writes to go to. */
    static void findUnit() throws Exception {
        String units = get("/api/v1/units", null).body();
        Matcher unit = Pattern.compile("\"id\":(\\d+)").matcher(units);
        unit.find();
        unitId = Long.parseLong(unit.group(1));
        Matcher employer = Pattern.compile("\"employerId\":(\\d+)").matcher(units);
        employer.find();
        employerId = Long.parseLong(employer.group(1));
    }

    static void read() {
        String[] paths = {
            "/api/v1/positions", "/api/v1/positions?size=50", "/api/v1/deadlines", "/api/v1/units", "/api/v1/positions?q=skole"
        };
        while (RUNNING.get()) {
            String path = paths[ThreadLocalRandom.current().nextInt(paths.length)];
            // Every third read is one no one asked before, so it needs the database even when the cache is warm.
            if (ThreadLocalRandom.current().nextInt(3) == 0) {
                path = "/api/v1/positions?page=" + ThreadLocalRandom.current().nextInt(1, 1_000_000);
            }
            call("GET", path, null, null);
            pause(20);
        }
    }

    /** The website's own pages, anonymous as a browser's: kept by the response cache, served stale in an outage. */
    static void readCached() {
        String[] paths = {"/api/v1/positions", "/api/v1/positions?size=50", "/api/v1/deadlines", "/api/v1/units"};
        while (RUNNING.get()) {
            String path = paths[ThreadLocalRandom.current().nextInt(paths.length)];
            String during = phase;
            try {
                HttpResponse<Void> answer = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                CACHED.add(new CachedRead(
                        during,
                        answer.statusCode(),
                        answer.headers().firstValue("Cache-Status").orElse("").contains("stale-if-error")));
            } catch (IOException | InterruptedException e) {
                CACHED.add(new CachedRead(during, 0, false));
            }
            pause(20);
        }
    }

    static void write() {
        while (RUNNING.get()) {
            String idempotencyKey = UUID.randomUUID().toString();
            String title = "Fault " + idempotencyKey;
            String body = """
                    {"title": "%s", "employerId": %d, "unitId": %d, "applicationDeadline": "%s",
                     "applyUrl": "https://albertslund.dk/job",
                     "sections": [{"heading": "Indledning", "body": "Skrevet under et nedbrud."}]}"""
                    .formatted(title, employerId, unitId, java.time.LocalDate.now().plusDays(30));
            // Retry as the API asks (503 + Retry-After, same key) until the write is answered.
            while (true) {
                HttpResponse<String> answer = call("POST", "/api/v1/positions", body, idempotencyKey);
                if (answer != null && answer.statusCode() == 201) {
                    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(answer.body());
                    id.find();
                    WRITTEN.put(Long.parseLong(id.group(1)), title);
                    break;
                }
                if (answer != null && answer.statusCode() != 503) {
                    WRITE_FAILURES.add(answer.statusCode() + " " + answer.body());
                    break;
                }
                if (!RUNNING.get() && answer == null) {
                    break; // the service is gone (shutdown phase); an unanswered write is not a 2xx
                }
                pause(answer == null
                        ? 500
                        : 1000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
            }
            pause(50);
        }
    }

    static HttpResponse<String> call(String method, String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        String during = phase;
        long started = System.nanoTime();
        UNDER_WAY.put(Thread.currentThread(), started);
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            ANSWERS.add(new Answer(during, method + " " + path, started, System.nanoTime(), answer.statusCode(), null));
            return answer;
        } catch (IOException | InterruptedException e) {
            ANSWERS.add(new Answer(during, method + " " + path, started, System.nanoTime(), 0, e.toString()));
            return null;
        } finally {
            UNDER_WAY.remove(Thread.currentThread());
        }
    }

    static HttpResponse<String> get(String path, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5));
        if (auth != null) {
            request.header("Authorization", "Bearer " + auth);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static boolean ready() {
        try {
            return get("/q/health/ready", null).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean report(
            long stopTook,
            long back,
            long readyAgain,
            long term,
            long notReady,
            boolean exited,
            boolean readyDuringOutage,
            double maxRecoverySeconds)
            throws Exception {
        boolean ok = true;
        System.out.printf("requests answered: %d%n", ANSWERS.size());
        for (String p : List.of("before", "outage", "after", "shutdown")) {
            Map<String, Integer> byStatus = new TreeMap<>();
            long slowest503 = 0;
            for (Answer a : ANSWERS) {
                if (a.phase().equals(p)) {
                    byStatus.merge(a.status() == 0 ? "no answer" : String.valueOf(a.status()), 1, Integer::sum);
                    if (a.status() == 503) {
                        slowest503 = Math.max(slowest503, a.endedNanos() - a.startedNanos());
                    }
                }
            }
            System.out.printf(
                    "  %-9s %s%s%n",
                    p,
                    byStatus,
                    slowest503 > 0 ? "  (slowest 503: %d ms)".formatted(slowest503 / 1_000_000) : "");
        }
        for (String p : List.of("before", "outage", "after", "shutdown")) {
            Map<String, Integer> byStatus = new TreeMap<>();
            for (CachedRead r : CACHED) {
                if (r.phase().equals(p)) {
                    byStatus.merge(
                            r.status() == 0 ? "no answer" : r.status() + (r.stale() ? " stale" : ""), 1, Integer::sum);
                }
            }
            System.out.printf("  %-9s cached pages, anonymous: %s%n", p, byStatus);
        }
        long duringOutage = CACHED.stream().filter(r -> r.phase().equals("outage")).count();
        long okDuringOutage = CACHED.stream()
                .filter(r -> r.phase().equals("outage") && r.status() == 200)
                .count();
        double share = duringOutage == 0 ? 0 : (double) okDuringOutage / duringOutage;
        System.out.printf(
                "cached pages answered 200 during the outage: %d of %d (%.2f %%)%n",
                okDuringOutage, duringOutage, 100 * share);
        if (share < CACHED_DURING_OUTAGE) {
            System.out.printf("FAIL: fewer than %.0f %% of the cached pages answered 200%n", 100 * CACHED_DURING_OUTAGE);
            ok = false;
        }
        long cachedFailures = CACHED.stream()
                .filter(r -> r.status() == 500 || (r.status() == 0 && !r.phase().equals("shutdown")))
                .count();
        if (cachedFailures > 0) {
            System.out.printf("FAIL: %d cached-page reads were 500 or unanswered%n", cachedFailures);
            ok = false;
        }
        System.out.printf("PostgreSQL stop took %d ms; readiness during the outage: %s%n", stopTook / 1_000_000,
                readyDuringOutage ? "UP" : "DOWN");
        if (readyDuringOutage) {
            System.out.println("FAIL: readiness stayed UP while PostgreSQL was down");
            ok = false;
        }

        long lastFailure = ANSWERS.stream()
                .filter(a -> a.startedNanos() >= back && !a.phase().equals("shutdown") && (a.status() >= 500 || a.status() == 0))
                .mapToLong(Answer::endedNanos)
                .max()
                .orElse(back);
        double recovery = (lastFailure - back) / 1e9;
        double readiness = readyAgain < 0 ? Double.NaN : (readyAgain - back) / 1e9;
        System.out.printf(
                "recovery after PostgreSQL accepted connections: requests %.2f s (last failure), readiness UP after %.2f s%n",
                recovery, readiness);
        if (recovery > maxRecoverySeconds || !(readiness <= maxRecoverySeconds)) {
            System.out.printf("FAIL: recovery slower than %.0f s%n", maxRecoverySeconds);
            ok = false;
        }

        long fiveHundreds = ANSWERS.stream().filter(a -> a.status() == 500).count();
        long slowOutage = ANSWERS.stream()
                .filter(a -> a.status() == 503 && a.endedNanos() - a.startedNanos() > 2_000_000_000L)
                .count();
        long unanswered = ANSWERS.stream()
                .filter(a -> a.status() == 0 && !a.phase().equals("shutdown"))
                .count();
        // Which request, in which phase, after how long and why: what a failure needs to be understood from CI's log.
        ANSWERS.stream()
                .filter(a -> a.status() == 0 && !a.phase().equals("shutdown"))
                .forEach(a -> System.out.printf(
                        "  unanswered (%s): %s after %d ms: %s%n",
                        a.phase(), a.request(), (a.endedNanos() - a.startedNanos()) / 1_000_000, a.error()));
        if (fiveHundreds > 0 || slowOutage > 0 || unanswered > 0) {
            System.out.printf(
                    "FAIL: %d answers were 500, %d 503s took over 2 s, %d requests got no answer%n",
                    fiveHundreds, slowOutage, unanswered);
            ok = false;
        }
        if (!WRITE_FAILURES.isEmpty()) {
            System.out.println("FAIL: writes refused: " + WRITE_FAILURES);
            ok = false;
        }

        // Shutdown: readiness DOWN first, every request sent before the load balancer would stop answered.
        long droppedInShutdown = ANSWERS.stream()
                .filter(a -> a.phase().equals("shutdown") && a.status() == 0)
                .count();
        System.out.printf(
                "shutdown: readiness DOWN %d ms after SIGTERM; %d requests unanswered; process exited: %s%n",
                notReady < 0 ? -1 : (notReady - term) / 1_000_000, droppedInShutdown, exited);
        if (notReady < 0 || droppedInShutdown > 0 || !exited) {
            System.out.println("FAIL: shutdown was not graceful");
            ok = false;
        }
        System.out.printf("writes answered 201: %d%n", WRITTEN.size());
        return ok;
    }

    /**
     * The service's threads, once, when a request has waited 5 s for its answer before shutdown (none should wait
     * more than 2): what it was waiting on, while it still waits.
     */
    static void dumpThreadsOnHang(long servicePid, java.nio.file.Path to) {
        while (true) {
            long now = System.nanoTime();
            if (!phase.equals("shutdown")
                    && UNDER_WAY.values().stream().anyMatch(sent -> now - sent > 5_000_000_000L)) {
                try {
                    new ProcessBuilder("jcmd", Long.toString(servicePid), "Thread.print", "-l")
                            .redirectOutput(to.toFile())
                            .redirectErrorStream(true)
                            .start()
                            .waitFor();
                    System.out.println("fault: a request waited 5 s; the service's threads then are in " + to);
                    // The threads doing the service's own work, or the database's, in the log CI shows.
                    for (String thread : java.nio.file.Files.readString(to).split("\n\n")) {
                        if (thread.contains("dk.kommunejob") || thread.contains("agroal") || thread.contains("postgresql")) {
                            System.out.println(thread);
                        }
                    }
                } catch (IOException e) {
                    System.out.println("fault: no thread dump: " + e);
                } catch (InterruptedException e) {
                    return;
                }
                return;
            }
            pause(200);
        }
    }

    static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    static void run(String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("failed: " + command);
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
