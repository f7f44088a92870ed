package dk.kommunejob.cache;

/**
 * How long browsers, proxies and CDNs may reuse a public answer ({@code Cache-Control}). Never
 * longer than the answer stays true by the clock: {@code max-age} ends when the next deadline
 * passes or at midnight, whichever comes first.
 */
public enum Freshness {
    /** Lists and open postings: a change shows within a minute; a stale copy may be shown while it is refetched. */
    CHANGING(60, 300),
    /** Organisation units, employers, agencies: they change seldom. */
    STEADY(300, 3600),
    /** A closed posting: nothing changes it but a rare reopening. */
    SETTLED(3600, 86400);

    private final long maxAge;
    private final String header;

    Freshness(long maxAge, long staleWhileRevalidate) {
        this.maxAge = maxAge;
        this.header = "public, max-age=%d, stale-while-revalidate=%d".formatted(maxAge, staleWhileRevalidate);
    }

    /** The header for an answer that stays true for this many more seconds. */
    public String header(long secondsLeft) {
        return secondsLeft >= maxAge ? header : header.replace("max-age=" + maxAge, "max-age=" + secondsLeft);
    }

    /** The full header, for answers that do not change with the clock. */
    public String header() {
        return header;
    }
}
