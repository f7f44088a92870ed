package dk.kommunejob.cache;

/**
 * What an answer read from the database holds for: one generation of the data, and the span of
 * time (epoch seconds, {@code from} inclusive, {@code until} exclusive) in which the clock alone
 * does not change it. The clock may also be set back (tests do), hence the lower bound.
 */
public record Validity(long generation, long from, long until) {

    /** For what only a change of the data alters, whatever the clock says. */
    public static Validity ofGeneration(long generation) {
        return new Validity(generation, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public boolean holds(long currentGeneration, long now) {
        return generation == currentGeneration && holdsAt(now);
    }

    /** Whether the clock alone leaves it true at this second, whatever the data did since. */
    public boolean holdsAt(long now) {
        return now >= from && now < until;
    }

    /** The generation and the second at which a read began. */
    public record Reading(long generation, long at) {}
}
