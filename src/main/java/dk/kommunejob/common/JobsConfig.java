package dk.kommunejob.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The service's own settings; each is also an environment variable (JOBS_SAMPLE_DATA, ...). */
@ConfigMapping(prefix = "jobs")
public interface JobsConfig {

    /** Load the sample employer, agencies and seed postings into an empty database at start. */
    @WithDefault("false")
    boolean sampleData();

    /** How many synthetic postings the sample data adds beside the seed postings. */
    @WithDefault("200")
    int samplePositions();

    /**
     * The operator's admin key, made to exist at start so a fresh install needs no hand-made rows (the name is
     * from before tenants, when it was the first editor's).
     */
    Optional<String> bootstrapEditorKey();

    RateLimit rateLimit();

    /**
     * A CSV of the municipal pay scale, kroner a year per step from the dates given (README, "Pay transparency");
     * none: steps are not reckoned in kroner.
     */
    Optional<String> payScale();

    /** A gendered-wording list of the operator's, in the form of checks/gendered-wording.txt; none: that one. */
    Optional<String> wordingFile();

    /** The largest request body the API takes, in bytes (1 MiB). */
    @WithDefault("1048576")
    long maxBodySize();

    /** The longest request URI (path and query) the API takes, in characters. */
    @WithDefault("4096")
    int maxUriLength();

    /** How often postings whose deadline passed are announced as closed in the change feed. */
    @WithDefault("60s")
    Duration deadlineCheckInterval();

    /** How long the first answer to an Idempotency-Key is kept for replays. */
    @WithDefault("P1D")
    Duration idempotencyKeyRetention();

    ResponseCache responseCache();

    /**
     * The API's public address (https://job.albertslund.dk), for the absolute links of feeds, calendars and
     * search-engine markup, which must not depend on the Host a request came by.
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /**
     * A posting's page on the website, `{slug}` standing for its slug
     * (https://albertslund.dk/job/{slug}); by default the posting on this service's reference page
     * ({JOBS_PUBLIC_URL}/?stilling={slug}).
     */
    Optional<String> postingPageUrl();

    /**
     * Website origins (`https://albertslund.dk`) whose pages may call the API from the browser
     * (CORS); comma-separated in JOBS_CORS_ORIGINS. None by default.
     */
    Optional<List<String>> corsOrigins();

    /** Public answers kept in memory, serialised, for as long as the data they show stays the same. */
    interface ResponseCache {
        /** Off serves every request from PostgreSQL (benchmarks, diagnosis); ETags and 304s stay. */
        @WithDefault("true")
        boolean enabled();

        /** The memory the kept answers may take; the least used go first. */
        @WithDefault("64M")
        MemorySize maxSize();

        /**
         * While PostgreSQL cannot be reached, a kept public answer is served, marked stale, for at most this long
         * after it went out of date (RFC 5861's stale-if-error); 0 answers 503 instead.
         */
        @WithDefault("1h")
        Duration staleIfError();
    }

    WarmUp warmUp();

    /** What a new replica does before it is ready (README, "Running it in production"). */
    interface WarmUp {
        /**
         * How long at least it sends itself the public reads a website sends, so that the JIT has compiled them
         * before the first visitor comes; 0 makes it ready at once.
         */
        @WithDefault("20s")
        Duration duration();

        /** How long at most: after the least it goes on only until the JIT has settled. */
        @WithDefault("60s")
        Duration maxDuration();
    }

    Search search();

    /** How search understands a query (README, "Search"). */
    interface Search {
        /** A synonym list to use instead of the one the application ships (search/synonyms.txt). */
        Optional<String> synonyms();

        /** How often, after changes, the postings' vocabulary is read whole again (search.Vocabulary). */
        @WithDefault("10m")
        Duration vocabularyRefresh();
    }

    Webhooks webhooks();

    /** Webhooks (README, "Webhooks"). */
    interface Webhooks {
        /**
         * The key the signing secrets are stored encrypted with: 32 random bytes, base64 (`openssl rand -base64
         * 32`). Without it no webhook can be registered or delivered. Keep it beside the database's credentials.
         */
        Optional<String> secretKey();

        /** Allows http and private, loopback and link-local addresses as endpoints: for tests and dev mode only. */
        @WithDefault("false")
        boolean allowPrivate();

        /** How long a receiver has to answer. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * The waits before each retry of a failed event; after the last one fails the webhook is disabled. The
         * Standard Webhooks schedule, ending about three days after the first attempt.
         */
        @WithDefault("5s,5m,30m,2h,5h,10h,10h,10h,10h,10h")
        List<Duration> retrySchedule();

        /** How often each instance looks for due deliveries when no change woke it sooner. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Webhooks each instance delivers at once. A slow receiver holds up only its own webhook; a worker waiting on
         * one holds no database connection.
         */
        @WithDefault("8")
        int workers();

        /** How long a line of a delivery log is kept. */
        @WithDefault("7d")
        Duration logRetention();
    }

    /** Per client (anonymous readers: per address), per minute. */
    interface RateLimit {
        @WithDefault("600")
        int writesPerMinute();

        @WithDefault("300")
        int feedReadsPerMinute();

        /** Reads the response cache did not answer, per address, by callers without a key. */
        @WithDefault("1200")
        int readsPerMinute();

        /** The same per client key: a website's own server, an agency's portal. */
        @WithDefault("12000")
        int clientReadsPerMinute();

        /**
         * Reads the cache did not answer that run at once; more wait their turn (5 s at most, then 503), so that
         * cached answers keep their share of the CPU.
         */
        @WithDefault("8")
        int readsAtOnce();

        /**
         * The proxies (addresses or CIDR ranges: the Ingress controller's pods) whose {@code X-Forwarded-For} is
         * believed. A request from anywhere else is counted by its own address; none by default.
         */
        Optional<List<String>> trustedProxies();
    }
}
