package dk.kommunejob.search;

import dk.kommunejob.cache.DataVersion;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

/**
 * The lexemes of the published postings (what their search vectors hold) with the number of postings each is
 * in: what a query word is expanded into. Read whole once (PostgreSQL's ts_stat), then after each change only
 * the lexemes of postings changed since the last read (by {@code words_changed_at}, which the database sets; read again with a margin so a
 * transaction that commits late is not missed), so a new posting's compounds are found at once. Lexemes no
 * posting has any more, and the counts, are put right by a whole read every few minutes after changes.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class Vocabulary {

    private static final Logger LOG = Logger.getLogger(Vocabulary.class);
    /** Longer than any write transaction of this service takes between its statement and its commit. */
    private static final Duration LATE_COMMIT_MARGIN = Duration.ofMinutes(5);

    private static final String STATS = "SELECT word, ndoc, now() AS at FROM ts_stat(%s)";
    private static final String PUBLISHED = "'SELECT search_vector FROM position WHERE status = ''published'''";
    private static final String CHANGED = "format('SELECT search_vector FROM position WHERE status = ''published'' "
            + "AND words_changed_at > %L', cast(:since AS timestamptz))";

    @Inject
    EntityManager em;

    @Inject
    DataVersion version;

    private volatile Snapshot snapshot;
    private volatile boolean changed;
    private volatile long generationAtWholeRead = -1;

    @PostConstruct
    void init() {
        version.onChange(() -> changed = true);
    }

    /** The vocabulary as of now: every lexeme of a posting committed before this call. */
    public Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && !changed && version.watched()) {
            return s;
        }
        synchronized (this) {
            if (snapshot == null) {
                long generation = version.generation();
                changed = false;
                snapshot = read(null, null);
                generationAtWholeRead = generation;
            } else if (changed || !version.watched()) {
                changed = false;
                snapshot = read(snapshot, snapshot.readAt.minus(LATE_COMMIT_MARGIN));
            }
            return snapshot;
        }
    }

    /** Puts right what the reads since the last whole one only added to: counts, and lexemes gone. */
    @Scheduled(
            every = "${jobs.search.vocabulary-refresh:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        long generation = version.generation();
        if (snapshot == null || generation == generationAtWholeRead) {
            return;
        }
        Snapshot whole = read(null, null);
        synchronized (this) {
            // Lexemes added meanwhile are read again on the next use.
            changed = true;
            snapshot = whole;
            generationAtWholeRead = generation;
        }
    }

    /**
     * How the postings write a lexeme: the word that stems to it most often in a few postings that have it,
     * the one nearest in length to what was typed among equals ("sygeplejersk" is written "sygeplejerske").
     */
    public Optional<String> writtenAs(String lexeme, String typed) {
        @SuppressWarnings("unchecked")
        List<String> texts = em.createNativeQuery(
                        "SELECT p.title || ' ' || p.search_text FROM position p WHERE p.status = 'published' "
                                + "AND p.search_vector @@ cast(:lexeme AS tsquery) LIMIT 5",
                        String.class)
                .setParameter("lexeme", SearchQuery.quote(lexeme))
                .getResultList();
        Map<String, Integer> written = new HashMap<>();
        for (String text : texts) {
            for (Danish.Token t : Danish.tokens(text)) {
                if (Danish.stem(t.text()).equals(lexeme)) {
                    written.merge(t.text(), 1, Integer::sum);
                }
            }
        }
        return written.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparingInt(e -> -Math.abs(e.getKey().length() - typed.length())))
                .map(Map.Entry::getKey);
    }

    private Snapshot read(Snapshot base, OffsetDateTime since) {
        long started = System.nanoTime();
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = em.createNativeQuery(STATS.formatted(since == null ? PUBLISHED : CHANGED))
                .unwrap(NativeQuery.class)
                .addScalar("word", StandardBasicTypes.STRING)
                .addScalar("ndoc", StandardBasicTypes.INTEGER)
                .addScalar("at", StandardBasicTypes.OFFSET_DATE_TIME);
        if (since != null) {
            query.setParameter("since", since);
        }
        List<Object[]> rows = query.getResultList();
        OffsetDateTime at = rows.isEmpty()
                ? (OffsetDateTime) em.createNativeQuery("SELECT now()", OffsetDateTime.class)
                        .getSingleResult()
                : (OffsetDateTime) rows.get(0)[2];
        if (base == null) {
            Map<String, Integer> counts = new HashMap<>();
            rows.forEach(row -> counts.put((String) row[0], (Integer) row[1]));
            Snapshot s = new Snapshot(counts, at);
            LOG.debugf("Vocabulary read: %d lexemes in %d ms", s.size(), (System.nanoTime() - started) / 1_000_000);
            return s;
        }
        List<Object[]> added =
                rows.stream().filter(row -> !base.contains((String) row[0])).toList();
        if (added.isEmpty()) {
            return base.at(at);
        }
        Map<String, Integer> counts = base.counts();
        added.forEach(row -> counts.put((String) row[0], (Integer) row[1]));
        return new Snapshot(counts, at);
    }

    /** One version of the vocabulary, never changed: looked up by key, by the start and by the end of a key. */
    public static final class Snapshot {

        private final String[] lexemes;
        private final String[] keys;
        private final int[] postings;
        private final Map<String, int[]> byKey;
        /** Indexes in the order of their keys, and in the order of their reversed keys. */
        private final int[] byStart;

        private final String[] startKeys;
        private final int[] byEnd;
        private final String[] endKeys;
        private final OffsetDateTime readAt;
        private final int mostPostings;

        Snapshot(Map<String, Integer> counts, OffsetDateTime readAt) {
            this.readAt = readAt;
            this.mostPostings =
                    counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            int n = counts.size();
            lexemes = counts.keySet().toArray(String[]::new);
            keys = new String[n];
            postings = new int[n];
            Map<String, List<Integer>> grouped = new HashMap<>();
            for (int i = 0; i < n; i++) {
                keys[i] = Danish.key(lexemes[i]);
                postings[i] = counts.get(lexemes[i]);
                grouped.computeIfAbsent(keys[i], k -> new ArrayList<>(1)).add(i);
            }
            byKey = new HashMap<>();
            grouped.forEach((k, v) ->
                    byKey.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            String[] reversed = new String[n];
            for (int i = 0; i < n; i++) {
                reversed[i] = new StringBuilder(keys[i]).reverse().toString();
            }
            byStart = order(keys);
            startKeys = Arrays.stream(byStart).mapToObj(i -> keys[i]).toArray(String[]::new);
            byEnd = order(reversed);
            endKeys = Arrays.stream(byEnd).mapToObj(i -> reversed[i]).toArray(String[]::new);
        }

        private Snapshot(Snapshot s, OffsetDateTime readAt) {
            lexemes = s.lexemes;
            keys = s.keys;
            postings = s.postings;
            byKey = s.byKey;
            byStart = s.byStart;
            startKeys = s.startKeys;
            byEnd = s.byEnd;
            endKeys = s.endKeys;
            mostPostings = s.mostPostings;
            this.readAt = readAt;
        }

        Snapshot at(OffsetDateTime readAt) {
            return new Snapshot(this, readAt);
        }

        private static int[] order(String[] keys) {
            return java.util.stream.IntStream.range(0, keys.length)
                    .boxed()
                    .sorted(Comparator.comparing(i -> keys[i]))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }

        Map<String, Integer> counts() {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < lexemes.length; i++) {
                counts.put(lexemes[i], postings[i]);
            }
            return counts;
        }

        boolean contains(String lexeme) {
            int[] same = byKey.get(Danish.key(lexeme));
            return same != null && Arrays.stream(same).anyMatch(i -> lexemes[i].equals(lexeme));
        }

        /** The postings of the most common lexeme: about every posting, as some word is in all of them. */
        public int mostPostings() {
            return mostPostings;
        }

        public int size() {
            return lexemes.length;
        }

        public String lexeme(int i) {
            return lexemes[i];
        }

        public String key(int i) {
            return keys[i];
        }

        /** How many published postings hold the lexeme (as of the last whole read, then counted up). */
        public int postings(int i) {
            return postings[i];
        }

        /** The lexemes with this key. */
        public int[] withKey(String key) {
            return byKey.getOrDefault(key, new int[0]);
        }

        /** The lexemes whose key starts with this one. */
        public void startingWith(String prefix, IntConsumer each) {
            range(startKeys, byStart, prefix, each);
        }

        /** The lexemes whose key ends with this one. */
        public void endingWith(String suffix, IntConsumer each) {
            range(endKeys, byEnd, new StringBuilder(suffix).reverse().toString(), each);
        }

        private static void range(String[] sorted, int[] order, String prefix, IntConsumer each) {
            int i = Arrays.binarySearch(sorted, prefix);
            for (i = i < 0 ? -i - 1 : i; i < sorted.length && sorted[i].startsWith(prefix); i++) {
                each.accept(order[i]);
            }
        }

        /** The lexemes whose key is at most {@code edits} edits (Damerau) from this one. */
        public void near(String key, int edits, IntConsumer each) {
            CharacterRunAutomaton automaton = Typos.near(key, edits);
            for (int i = 0; i < keys.length; i++) {
                if (Math.abs(keys[i].length() - key.length()) <= edits && automaton.run(keys[i])) {
                    each.accept(i);
                }
            }
        }

        /** The lexemes at most {@code edits} edits from this one as written, Danish letters and all. */
        public void nearAsWritten(String lexeme, int edits, IntConsumer each) {
            CharacterRunAutomaton automaton = Typos.near(lexeme, edits);
            for (int i = 0; i < lexemes.length; i++) {
                if (Math.abs(lexemes[i].length() - lexeme.length()) <= edits && automaton.run(lexemes[i])) {
                    each.accept(i);
                }
            }
        }
    }
}
