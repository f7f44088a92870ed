package dk.kommunejob.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A query as search understood it: for each of its words, the lexemes that count as that word, each with how
 * well it matches. A posting matches when it has, for every word, one of them. How it ranks (README, "Search"):
 * the word exactly in the title, then a compound with it in the title, then the word (or a compound) in the
 * text, then a spelling one or two edits off; then PostgreSQL's ts_rank.
 */
public record SearchQuery(String text, List<Word> words, String didYouMean) {

    /** How close a lexeme is to what was typed. */
    public enum Tier {
        /** The word itself, any form of it, its Danish letters written out or not. */
        EXACT,
        /** A compound with the word as its first or last part, the word split into known words, or a synonym. */
        COMPOUND,
        /** One or two edits off: only where the word itself is in no posting. */
        FUZZY
    }

    /**
     * One way to match a query word: every part must be in the posting, a part being any of its lexemes
     * (one part for a single lexeme; two for a compound typed as one word but written apart, or a synonym of
     * two words). Adjacent parts must follow each other, right after or with one word between ("Social- og
     * sundhedsassistent").
     */
    public record Alternative(List<Set<String>> parts, Tier tier, boolean adjacent) {}

    public record Word(String typed, List<Alternative> alternatives) {}

    /** A query without a word to search for (only punctuation, say): it matches nothing. */
    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** How many lexemes the query names, over all its words and their alternatives: what it weighs when kept. */
    public int lexemes() {
        return words.stream()
                .flatMap(w -> w.alternatives().stream())
                .flatMap(a -> a.parts().stream())
                .mapToInt(Set::size)
                .sum();
    }

    /** The keys of every lexeme that counts for some word of the query: what marks a match in a title. */
    public Set<String> keys() {
        Set<String> all = new HashSet<>();
        words.forEach(w -> w.alternatives()
                .forEach(a -> a.parts().forEach(part -> part.forEach(lexeme -> all.add(Danish.key(lexeme))))));
        return all;
    }

    /** The tsquery of all matches: every word, through any of its alternatives. */
    public String tsquery() {
        return render(Tier.FUZZY, "");
    }

    /** The tsquery matched when every word is in the title (weight A), in any of its alternatives. */
    public String titleTsquery() {
        return render(Tier.FUZZY, "A");
    }

    private String render(Tier worst, String weight) {
        return words.stream().map(w -> "(" + render(w, worst, weight) + ")").collect(Collectors.joining(" & "));
    }

    /** The word's alternatives up to a tier, as tsquery text; null when it has none that good. */
    static String render(Word word, Tier worst, String weight) {
        List<String> any = new ArrayList<>();
        for (Alternative a : word.alternatives()) {
            if (a.tier().compareTo(worst) <= 0) {
                List<String> parts = a.parts().stream()
                        .map(part -> part.stream()
                                .map(lexeme -> quote(lexeme) + (weight.isEmpty() ? "" : ":" + weight))
                                .collect(Collectors.joining(" | ", "(", ")")))
                        .toList();
                any.add(
                        a.adjacent()
                                ? "(" + String.join(" <-> ", parts) + ") | (" + String.join(" <2> ", parts) + ")"
                                : String.join(" & ", parts));
            }
        }
        return any.isEmpty() ? null : String.join(" | ", any);
    }

    /** A lexeme as a tsquery operand: quoted, its quotes and backslashes doubled. */
    static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * The SQL that orders matches by relevance, its tsquery texts put into {@code params}: for each word
     * (the first {@code MAX_RANKED_WORDS}) a score from its best tier found, summed; then ts_rank.
     */
    public String orderBy(String vector, Map<String, Object> params) {
        StringBuilder score = new StringBuilder("(0");
        List<Word> ranked = words.subList(0, Math.min(words.size(), MAX_RANKED_WORDS));
        for (int i = 0; i < ranked.size(); i++) {
            Map<String, String> cases = new LinkedHashMap<>();
            cases.put("4", render(ranked.get(i), Tier.EXACT, "A"));
            cases.put("3", render(ranked.get(i), Tier.COMPOUND, "A"));
            cases.put("2", render(ranked.get(i), Tier.COMPOUND, ""));
            StringBuilder word = new StringBuilder(" + CASE");
            int n = 0;
            for (Map.Entry<String, String> c : cases.entrySet()) {
                if (c.getValue() != null) {
                    String param = "rank" + i + "_" + n++;
                    params.put(param, c.getValue());
                    word.append(" WHEN ")
                            .append(vector)
                            .append(" @@ cast(:")
                            .append(param)
                            .append(" AS tsquery) THEN ")
                            .append(c.getKey());
                }
            }
            score.append(n == 0 ? " + 1" : word.append(" ELSE 1 END"));
        }
        params.put("rankAll", tsquery());
        return score + ") DESC, ts_rank(" + vector + ", cast(:rankAll AS tsquery)) DESC";
    }

    /** Words past this many add to the matching, not to the ranking (each costs a test per match). */
    static final int MAX_RANKED_WORDS = 8;
}
