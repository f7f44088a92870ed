package dk.kommunejob.suggestion;

import dk.kommunejob.cache.DataVersion;
import dk.kommunejob.cache.Expiry;
import dk.kommunejob.cache.Validity;
import dk.kommunejob.cache.VersionedCache;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.position.PublicStatus;
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

    private VersionedCache<Boolean, List<Entry>> index;

    @PostConstruct
    void init() {
        index = new VersionedCache<>(version, 1, entries -> 1);
    }

    /**
     * Lower case, with the Danish letters as they are written without them ("æ" as "ae", "ø" as "oe",
     * "å" as "aa") and "é" as "e", so "paed" and "pæd" both find "Pædagog".
     */
    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace("æ", "ae")
                .replace("ø", "oe")
                .replace("å", "aa")
                .replace("é", "e");
    }

    /** The words of a text: its runs of letters and digits, folded. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String folded = fold(text);
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        return words;
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

    public List<Suggestion> suggest(String typed) {
        List<String> wanted = words(typed);
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<Suggestion> found = new ArrayList<>();
        for (Entry entry : entries()) {
            if (wanted.stream().allMatch(w -> entry.words().stream().anyMatch(word -> word.startsWith(w)))) {
                found.add(entry.suggestion());
                if (found.size() == MAX) {
                    break;
                }
            }
        }
        return found;
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
