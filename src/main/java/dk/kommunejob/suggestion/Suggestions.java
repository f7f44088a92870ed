package dk.kommunejob.suggestion;

import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.position.PublicStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Suggestions for a search box, in one statement: titles of open positions, then unit names, then
 * titles of closed positions, each matching every typed word as a prefix of one of its words, the
 * Danish letters folded on both sides (fold_danish, migration V8).
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class Suggestions {

    public static final int MAX = 10;

    private static final String SQL =
            """
            WITH typed AS (SELECT to_tsquery('simple', fold_danish(:words)) AS q),
            hits AS (
              (SELECT 0 AS grp, p.title AS text, count(*) AS n, min(p.slug) AS slug, NULL::bigint AS unit
               FROM position p, typed
               WHERE p.status = 'published' AND p.closed_at IS NULL AND p.application_deadline >= :now
                 AND to_tsvector('simple', fold_danish(p.title)) @@ typed.q
               GROUP BY p.title ORDER BY p.title LIMIT :max)
              UNION ALL
              (SELECT 1, u.name, 0, NULL, min(u.id)
               FROM org_unit u, typed WHERE to_tsvector('simple', fold_danish(u.name)) @@ typed.q
               GROUP BY u.name ORDER BY u.name LIMIT :max)
              UNION ALL
              (SELECT 2, p.title, count(*), min(p.slug), NULL
               FROM position p, typed
               WHERE p.status = 'published' AND (p.closed_at IS NOT NULL OR p.application_deadline < :now)
                 AND to_tsvector('simple', fold_danish(p.title)) @@ typed.q
               GROUP BY p.title ORDER BY p.title LIMIT :max))
            SELECT grp, text, n, slug, unit FROM hits ORDER BY grp, text COLLATE "da-DK-x-icu\"""";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Every typed word as a prefix (`paed:* & le:*`); none when nothing typed is a word. */
    static String prefixes(String typed) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= typed.length(); i++) {
            int c = i < typed.length() ? typed.codePointAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(word + ":*");
                word.setLength(0);
            }
            if (Character.isSupplementaryCodePoint(c)) {
                i++;
            }
        }
        return String.join(" & ", words);
    }

    public List<Suggestion> suggest(String typed) {
        String words = prefixes(typed);
        if (words.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL)
                .unwrap(NativeQuery.class)
                .addScalar("grp", StandardBasicTypes.INTEGER)
                .addScalar("text", StandardBasicTypes.STRING)
                .addScalar("n", StandardBasicTypes.INTEGER)
                .addScalar("slug", StandardBasicTypes.STRING)
                .addScalar("unit", StandardBasicTypes.LONG)
                .setParameter("words", words)
                .setParameter("now", Copenhagen.now(clock))
                .setParameter("max", MAX)
                .getResultList();
        List<Suggestion> suggestions = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (Object[] row : rows) {
            int group = (Integer) row[0];
            String text = (String) row[1];
            int positions = (Integer) row[2];
            if (group == 1) {
                suggestions.add(new Suggestion(text, Suggestion.Kind.unit, null, null, null, (Long) row[4]));
            } else if (titles.add(text)) { // a title both open and closed is suggested once, as open
                suggestions.add(new Suggestion(
                        text,
                        Suggestion.Kind.position,
                        group == 0 ? PublicStatus.open : PublicStatus.closed,
                        positions,
                        positions == 1 ? (String) row[3] : null,
                        null));
            }
        }
        return suggestions.size() > MAX ? suggestions.subList(0, MAX) : suggestions;
    }
}
