package dk.kommunejob.suggestion;

import dk.kommunejob.cache.DataVersion;
import dk.kommunejob.cache.Expiry;
import dk.kommunejob.cache.Validity;
import dk.kommunejob.cache.VersionedCache;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.position.PublicStatus;
import dk.kommunejob.search.Danish;
import dk.kommunejob.search.Synonyms;
import dk.kommunejob.search.Typos;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.text.Collator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Suggestions for a search box, from an index in memory: every distinct title of a published
 * position (open ones, then closed ones whose title no open position has) and every unit name, read
 * in two statements once per data version and span of time (until the next deadline passes), like
 * the list's totals. A keystroke is then a scan of a few hundred names, never a database query:
 * with the names in PostgreSQL (a GIN index over folded titles), 100 000 postings took 1.7 s per
 * "paed" (bench/README.md).
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class Suggestions {

    public static final int MAX = 10;

    private static final Collator DANISH = Collator.getInstance(Locale.forLanguageTag("da"));

    /** A name that can be suggested, with its words folded (see {@link #fold}). */
    record Entry(Suggestion suggestion, List<String> words) {}

    @Inject
    EntityManager em;

    @Inject
    DataVersion version;

    @Inject
    Expiry expiry;

    @Inject
    Synonyms synonyms;

    private VersionedCache<Boolean, List<Entry>> index;

    @PostConstruct
    void init() {
        index = new VersionedCache<>(version, 1, entries -> 1);
    }

    /** The words of a text as search compares them (search.Danish): "paed", "ped" and "pæd" are alike. */
    static List<String> words(String text) {
        return Danish.tokens(text).stream().map(t -> Danish.key(t.text())).toList();
    }

    /**
     * Danish alphabetical order word by word, so "Pædagog" comes before "Pædagogisk leder" (the
     * collator alone ignores spaces and would compare "Pædagogz..." with "Pædagogis...").
     */
    static int alphabetically(String a, String b) {
        String[] x = a.split("\\s+");
        String[] y = b.split("\\s+");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = DANISH.compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /**
     * Every typed word (or one of its synonyms) is in the suggestion: the beginning of one of its words, or,
     * from four letters, a part of one ("lærer" in "Musikskolelærer"). Only when that leaves room, suggestions
     * with a typed word one edit off (two from 9 letters) follow, as search's typos.
     */
    public List<Suggestion> suggest(String typed) {
        List<Danish.Token> tokens = Danish.tokens(typed);
        if (tokens.isEmpty()) {
            return List.of();
        }
        Index index = index();
        List<List<Set<String>>> exact = new ArrayList<>();
        List<List<Set<String>>> near = new ArrayList<>();
        for (Danish.Token token : tokens) {
            List<Set<String>> alternatives = new ArrayList<>();
            alternatives.add(index.words(key -> matches(key, Danish.key(token.text()))));
            for (List<String> synonym : synonyms.of(token.text())) {
                // A synonym of several words stands for its last one; the others narrow nothing in a title.
                String last = Danish.key(synonym.get(synonym.size() - 1));
                alternatives.add(index.words(key -> matches(key, last)));
            }
            exact.add(alternatives);
            near.add(List.of(typos(token.text(), index)));
        }
        List<Suggestion> found = new ArrayList<>();
        for (Entry entry : index.entries()) {
            if (has(entry, exact)) {
                found.add(entry.suggestion());
                if (found.size() == MAX) {
                    return found;
                }
            }
        }
        for (int w = 0; w < near.size(); w++) {
            List<List<Set<String>>> withTypo = new ArrayList<>(exact);
            withTypo.set(w, near.get(w));
            for (Entry entry : index.entries()) {
                if (!found.contains(entry.suggestion()) && has(entry, withTypo)) {
                    found.add(entry.suggestion());
                    if (found.size() == MAX) {
                        return found;
                    }
                }
            }
        }
        return found;
    }

    private static boolean matches(String word, String typed) {
        return word.startsWith(typed) || (typed.length() >= Danish.MIN_COMPOUND_PART && word.contains(typed));
    }

    /** Whether, for each typed word, the entry has a word of one of its alternatives. */
    private static boolean has(Entry entry, List<List<Set<String>>> wanted) {
        for (List<Set<String>> alternatives : wanted) {
            boolean any = false;
            for (Set<String> words : alternatives) {
                for (String word : entry.words()) {
                    if (words.contains(word)) {
                        any = true;
                        break;
                    }
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** The index's words that begin with something a typo away from the typed word; none under 5 letters. */
    private static Set<String> typos(String typed, Index index) {
        int edits = Typos.allowed(typed);
        if (edits == 0) {
            return Set.of();
        }
        CharacterRunAutomaton near = Typos.near(Danish.key(typed), edits);
        return index.words(word -> Typos.startsNear(near, word));
    }

    private volatile Index last = new Index(List.of());

    private Index index() {
        List<Entry> entries = entries();
        Index index = last;
        if (index.entries() != entries) {
            index = new Index(entries);
            last = index;
        }
        return index;
    }

    /** The suggestions and their distinct words, which a typed word is compared with once each. */
    private record Index(List<Entry> entries, String[] distinct) {
        Index(List<Entry> entries) {
            this(
                    entries,
                    entries.stream().flatMap(e -> e.words().stream()).distinct().toArray(String[]::new));
        }

        Set<String> words(java.util.function.Predicate<String> test) {
            Set<String> found = new HashSet<>();
            for (String w : distinct) {
                if (test.test(w)) {
                    found.add(w);
                }
            }
            return found;
        }
    }

    private List<Entry> entries() {
        Validity.Reading reading = expiry.reading();
        VersionedCache.Kept<List<Entry>> kept = index.find(true, reading.at());
        if (kept != null) {
            return kept.value();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochSecond(reading.at()), Copenhagen.ZONE);
        @SuppressWarnings("unchecked")
        List<Object[]> titles = em.createNativeQuery(
                        """
                        SELECT p.title, p.closed_at IS NULL AND p.application_deadline >= :now AS open,
                               count(*) AS n, min(p.slug) AS slug
                        FROM position p WHERE p.status = 'published' GROUP BY 1, 2""")
                .unwrap(NativeQuery.class)
                .addScalar("title", StandardBasicTypes.STRING)
                .addScalar("open", StandardBasicTypes.BOOLEAN)
                .addScalar("n", StandardBasicTypes.INTEGER)
                .addScalar("slug", StandardBasicTypes.STRING)
                .setParameter("now", now)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> units = em.createNativeQuery("SELECT u.name, min(u.id) AS id FROM org_unit u GROUP BY u.name")
                .unwrap(NativeQuery.class)
                .addScalar("name", StandardBasicTypes.STRING)
                .addScalar("id", StandardBasicTypes.LONG)
                .getResultList();

        Comparator<Entry> byName =
                (a, b) -> alphabetically(a.suggestion().text(), b.suggestion().text());
        List<Entry> open = new ArrayList<>();
        List<Entry> closed = new ArrayList<>();
        for (Object[] row : titles) {
            boolean isOpen = (Boolean) row[1];
            int positions = (Integer) row[2];
            Suggestion title = new Suggestion(
                    (String) row[0],
                    Suggestion.Kind.position,
                    isOpen ? PublicStatus.open : PublicStatus.closed,
                    positions,
                    positions == 1 ? (String) row[3] : null,
                    null);
            (isOpen ? open : closed).add(new Entry(title, words(title.text())));
        }
        // A title some open position has is suggested once, as open.
        Set<String> openTitles = new HashSet<>();
        open.forEach(e -> openTitles.add(e.suggestion().text()));
        closed.removeIf(e -> openTitles.contains(e.suggestion().text()));
        List<Entry> unitEntries = new ArrayList<>();
        for (Object[] row : units) {
            String name = (String) row[0];
            unitEntries.add(new Entry(
                    new Suggestion(name, Suggestion.Kind.unit, null, null, null, (Long) row[1]), words(name)));
        }
        open.sort(byName);
        unitEntries.sort(byName);
        closed.sort(byName);
        List<Entry> entries = new ArrayList<>(open);
        entries.addAll(unitEntries);
        entries.addAll(closed);
        List<Entry> all = List.copyOf(entries);
        index.keep(true, expiry.of(reading), all);
        return all;
    }
}
