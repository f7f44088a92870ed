package dk.kommunejob.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.kommunejob.search.SearchQuery.Alternative;
import dk.kommunejob.search.SearchQuery.Tier;
import dk.kommunejob.search.SearchQuery.Word;
import dk.kommunejob.search.Vocabulary.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what a person typed into the lexemes it means (README, "Search"), against the postings' own
 * vocabulary: the word in any of its forms and spelled with or without Danish letters; the compounds it is
 * the first or the last part of (linking letters included, as the compound's start is a prefix:
 * rengøring·s·assistent); a compound typed as one word that the postings write apart (an elided hyphen:
 * "socialassistent" in "Social- og sundhedsassistent"); the synonym list's other entries; and only when the
 * word is in no posting at all, the words one edit off (two from 9 letters), which also give
 * {@link SearchQuery#didYouMean()}.
 */
@ApplicationScoped
public class QueryUnderstanding {

    /** A compound's other part has at least this many letters ("lærer" is no compound of "lærere"). */
    static final int MIN_OTHER_PART = 3;

    /**
     * Endings that make another word of a word, not a compound: "pædagogisk" and "musikalsk" are no
     * pædagog and no musik.
     */
    static final Set<String> DERIVATIONS = Set.of("isk", "iske", "alsk", "lig", "lige", "hed", "else", "ning", "ende");

    /** The most postings-frequent compounds a word expands to; the rarest beyond are left out. */
    static final int MAX_COMPOUNDS = 80;

    /** A correction this long also finds its compounds: "sygeplejeske" finds "Akutsygeplejerske". */
    static final int MIN_FUZZY_COMPOUND = 5;

    /** A query word rarer than this, beside a spelling one edit off that is this many times as common, is asked about. */
    static final int RARE = 2;

    static final int MUCH_MORE_COMMON = 10;

    /** Longer words are no compound of ours and no typo: they are looked up as they are. */
    static final int MAX_WORD_LENGTH = 40;

    /**
     * A word is looked for split in two only while the postings that have both parts are this few: PostgreSQL
     * checks that the parts stand together in every one of them ("skoleleder" as "skole" then "leder", both in
     * every other posting, took 370 ms at 100 000 postings).
     */
    static final int MAX_SPLIT_CANDIDATES = 3_000;

    /** Words beyond this many are ignored; a search box never sends that many. */
    public static final int MAX_WORDS = 32;

    @Inject
    Vocabulary vocabulary;

    @Inject
    Synonyms synonyms;

    private record Understood(Snapshot vocabulary, SearchQuery query) {}

    /**
     * Understood queries are kept by the lexemes they name, not by their number: a query of thirty common words
     * names thousands (up to 80 compounds a word, more with corrections), and ten thousand such would fill the
     * heap. Half a million names (some 25 MB) keep ten thousand of the queries people type, a few dozen each.
     */
    static final int MAX_KEPT_LEXEMES = 500_000;

    /** A kept query itself (its text of up to 200 characters, its entry), some 500 bytes: ten lexemes' worth. */
    static final int ENTRY_WEIGHT = 10;

    private final Cache<String, Understood> understood = Caffeine.newBuilder()
            .maximumWeight(MAX_KEPT_LEXEMES)
            .weigher((String text, Understood u) -> weight(u.query()))
            .build();

    /** What a kept query weighs: a query of stop words or punctuation names nothing and still takes room. */
    static int weight(SearchQuery query) {
        return ENTRY_WEIGHT + query.lexemes();
    }

    public SearchQuery understand(String text) {
        Snapshot v = vocabulary.current();
        Understood kept = understood.getIfPresent(text);
        if (kept != null && kept.vocabulary() == v) {
            return kept.query();
        }
        SearchQuery query = understand(text, v);
        understood.put(text, new Understood(v, query));
        return query;
    }

    /** What the kept queries weigh, in lexemes. */
    long keptWeight() {
        understood.cleanUp();
        return understood.asMap().values().stream()
                .mapToLong(u -> weight(u.query()))
                .sum();
    }

    SearchQuery understand(String text, Snapshot v) {
        List<Danish.Token> tokens = Danish.tokens(text);
        List<Word> words = new ArrayList<>();
        StringBuilder corrected = new StringBuilder();
        int copied = 0;
        boolean anyCorrection = false;
        Set<String> seen = new LinkedHashSet<>();
        List<Danish.Token> searched = tokens.subList(0, Math.min(tokens.size(), MAX_WORDS)).stream()
                .filter(t -> !Danish.isStopWord(t.text()))
                .toList();
        List<String> texts = searched.stream().map(Danish.Token::text).toList();
        for (int t = 0; t < searched.size(); t++) {
            Danish.Token token = searched.get(t);
            List<Synonyms.Phrase> phrases = synonyms.phrasesAt(texts, t);
            if (!phrases.isEmpty()) {
                Synonyms.Phrase phrase = phrases.get(0);
                List<String> run = texts.subList(t, t + phrase.length());
                words.add(new Word(String.join(" ", run), phrase(run, phrase.others(), v)));
                t += phrase.length() - 1;
                continue;
            }
            if (!seen.add(token.text())) {
                continue;
            }
            Expansion e = expand(token.text(), v);
            words.add(new Word(token.text(), e.alternatives));
            if (e.correction != null) {
                corrected.append(text, copied, token.start()).append(e.correction);
                copied = token.end();
                anyCorrection = true;
            }
        }
        String didYouMean = anyCorrection
                ? corrected.append(text.substring(copied)).toString().strip()
                : null;
        return new SearchQuery(text, List.copyOf(words), didYouMean);
    }

    private record Expansion(List<Alternative> alternatives, String correction) {}

    private Expansion expand(String word, Snapshot v) {
        List<Alternative> alternatives = new ArrayList<>();
        if (word.length() > MAX_WORD_LENGTH) {
            alternatives.add(new Alternative(List.of(Set.of(Danish.stem(word))), Tier.EXACT, false));
            return new Expansion(alternatives, null);
        }
        Set<String> exact = exact(word, v);
        Set<String> compounds = compounds(word, v);
        compounds.removeAll(exact);
        // The stem itself is always asked for: a posting committed a moment ago matches it exactly.
        Set<String> asTyped = new LinkedHashSet<>(exact);
        asTyped.add(Danish.stem(word));
        alternatives.add(new Alternative(List.of(asTyped), Tier.EXACT, false));
        if (!compounds.isEmpty()) {
            alternatives.add(new Alternative(List.of(compounds), Tier.COMPOUND, false));
        }
        List<List<String>> synonymous = synonyms.of(word);
        for (List<String> synonym : synonymous) {
            List<Set<String>> parts =
                    synonym.stream().map(w -> wordOrCompound(w, v)).toList();
            alternatives.add(new Alternative(parts, Tier.COMPOUND, false));
        }
        boolean found = !exact.isEmpty() || !compounds.isEmpty() || !synonymous.isEmpty();
        // A split is no sign the word is spelt right: its parts may be near and still not next to each other.
        Alternative split = split(word, v);
        if (split != null && candidates(split, v) <= MAX_SPLIT_CANDIDATES) {
            alternatives.add(split);
        }
        int edits = Typos.allowed(word);
        if (edits == 0 || (found && postings(exact, v) + postings(compounds, v) > RARE)) {
            return new Expansion(alternatives, null);
        }
        List<Integer> near = near(word, edits, exact, v);
        if (near.isEmpty()) {
            return new Expansion(alternatives, null);
        }
        int best = near.get(0);
        if (found && v.postings(best) < MUCH_MORE_COMMON * Math.max(1, postings(exact, v) + postings(compounds, v))) {
            return new Expansion(alternatives, null);
        }
        if (!found) {
            Set<String> fuzzy = new LinkedHashSet<>();
            for (int i : near.subList(0, Math.min(near.size(), 3))) {
                fuzzy.add(v.lexeme(i));
                // The compounds of a short correction ("skol") would be half the postings.
                if (v.key(i).length() >= MIN_FUZZY_COMPOUND) {
                    fuzzy.addAll(compounds(v.lexeme(i), v));
                }
            }
            alternatives.add(new Alternative(List.of(fuzzy), Tier.FUZZY, false));
        }
        String lexeme = v.lexeme(best);
        return new Expansion(alternatives, vocabulary.writtenAs(lexeme, word).orElse(spelled(word, lexeme)));
    }

    /**
     * Words of the query that are a synonym entry of several words ("social- og sundhedsassistent"): they
     * match as they are, every word in the posting, or as any other entry of its lines ("sosu-assistent").
     */
    private static List<Alternative> phrase(List<String> run, List<List<String>> others, Snapshot v) {
        List<Alternative> alternatives = new ArrayList<>();
        alternatives.add(
                new Alternative(run.stream().map(w -> wordOrCompound(w, v)).toList(), Tier.EXACT, false));
        for (List<String> other : others) {
            alternatives.add(new Alternative(
                    other.stream().map(w -> wordOrCompound(w, v)).toList(), Tier.COMPOUND, false));
        }
        return alternatives;
    }

    private static Set<String> wordOrCompound(String word, Snapshot v) {
        Set<String> part = exact(word, v);
        part.add(Danish.stem(word));
        part.addAll(compounds(word, v));
        return part;
    }

    /** The lexemes that are the word: its stem, or the word itself, Danish letters folded. */
    private static Set<String> exact(String word, Snapshot v) {
        Set<String> exact = new LinkedHashSet<>();
        String stem = Danish.stem(word);
        boolean strict = Danish.hasDanishLetters(word);
        for (String key : new LinkedHashSet<>(List.of(Danish.key(stem), Danish.key(word)))) {
            for (int i : v.withKey(key)) {
                if (!strict || v.lexeme(i).equals(stem) || v.lexeme(i).equals(word)) {
                    exact.add(v.lexeme(i));
                }
            }
        }
        return exact;
    }

    /**
     * The most common compounds the word is the last part of (by its stem: "lærer" is the end of
     * "folkeskolelær") or the first part of (by its stem when that is long enough to be a word part, else as
     * typed: "musik" starts "musikskolelær").
     */
    private static Set<String> compounds(String word, Snapshot v) {
        return compounds(word, v, false);
    }

    private static Set<String> compounds(String word, Snapshot v, boolean endsOnly) {
        Set<String> found = new LinkedHashSet<>();
        if (word.length() < Danish.MIN_COMPOUND_PART) {
            return found;
        }
        // Typed with Danish letters, a word means them: "lærer" is not the end of "og/eller".
        boolean strict = Danish.hasDanishLetters(word);
        String rawStem = Danish.stem(word);
        String rawStart = Danish.key(rawStem).length() >= Danish.MIN_COMPOUND_PART ? rawStem : word;
        String stem = Danish.key(rawStem);
        String start = Danish.key(rawStart);
        List<Integer> all = new ArrayList<>();
        if (stem.length() >= MIN_OTHER_PART) {
            v.endingWith(stem, i -> {
                if (v.key(i).length() >= stem.length() + MIN_OTHER_PART
                        && Danish.isWord(v.lexeme(i))
                        && (!strict || v.lexeme(i).endsWith(rawStem))) {
                    all.add(i);
                }
            });
        }
        v.startingWith(endsOnly ? "\uffff" : start, i -> {
            if (v.key(i).length() >= start.length() + MIN_OTHER_PART
                    && Danish.isWord(v.lexeme(i))
                    && (!strict || v.lexeme(i).startsWith(rawStart))
                    && !DERIVATIONS.contains(v.key(i).substring(start.length()))) {
                all.add(i);
            }
        });
        all.stream()
                .sorted(Comparator.comparingInt(v::postings).reversed())
                .limit(MAX_COMPOUNDS)
                .forEach(i -> found.add(v.lexeme(i)));
        return found;
    }

    /**
     * A compound the postings write apart, typed as one word: a known word, a linking "s" or "e" or not, and a
     * known word or compound part, next to each other in the posting or one word apart ("socialassistent" is
     * "social" then "sundhedsassistent" two places on, as "Social- og sundhedsassistent" means; "lønkonsulent"
     * is in "Løn- og personalekonsulent"). Two whole words beat a word and a compound part; then the longest
     * last part wins.
     */
    private static Alternative split(String word, Snapshot v) {
        Alternative best = null;
        int bestScore = -1;
        for (int i = 2; i <= word.length() - Danish.MIN_COMPOUND_PART; i++) {
            String first = word.substring(0, i);
            Set<String> firstExact = exact(first, v);
            if (firstExact.isEmpty()) {
                continue;
            }
            for (int link = 0; link <= 1; link++) {
                if (link == 1 && "se".indexOf(word.charAt(i)) < 0) {
                    continue;
                }
                String last = word.substring(i + link);
                Set<String> lastExact = exact(last, v);
                int score = lastExact.isEmpty() ? 0 : 1;
                if (score <= bestScore) {
                    continue;
                }
                // The first part is a whole word ("Social-"), the last one a word or the end of a compound.
                Set<String> lastLexemes = new LinkedHashSet<>(lastExact);
                lastLexemes.addAll(compounds(last, v, true));
                if (!lastLexemes.isEmpty()) {
                    best = new Alternative(List.of(firstExact, lastLexemes), Tier.COMPOUND, true);
                    bestScore = score;
                }
            }
        }
        return best;
    }

    /**
     * Lexemes a typo away, fewest edits first, then the most common; never the word's own. People rarely miss
     * a word's first letter: where some lexeme that near starts as the word does, only those count ("larer"
     * is "lærer", not the far more common "får"). A word in over half the postings ("får", "år") is no
     * correction of anything.
     */
    private static List<Integer> near(String word, int edits, Set<String> exact, Snapshot v) {
        String stem = Danish.stem(word);
        String key = Danish.key(stem);
        for (int e = 1; e <= edits; e++) {
            Set<Integer> near = new LinkedHashSet<>();
            // Both as written and folded: "skoeleder" is "skoleleder" one letter short as written, where folding
            // its "oe" would make it two edits from "skole" too.
            v.nearAsWritten(stem, e, near::add);
            v.near(key, e, near::add);
            List<Integer> found = near.stream()
                    .filter(i -> !exact.contains(v.lexeme(i)) && !everywhere(i, v))
                    .toList();
            List<Integer> sameStart = found.stream()
                    .filter(i -> v.key(i).charAt(0) == key.charAt(0))
                    .toList();
            if (!found.isEmpty()) {
                List<Integer> best = new ArrayList<>(sameStart.isEmpty() ? found : sameStart);
                best.sort(Comparator.comparingInt(v::postings).reversed());
                return best;
            }
        }
        return List.of();
    }

    /** In over half the postings, where there are more than a few: a word like "får" or "år", no correction. */
    private static boolean everywhere(int lexeme, Snapshot v) {
        return v.postings(lexeme) > Math.max(v.mostPostings() / 2, 100);
    }

    /** At most how many postings have every part of an alternative: the fewest of any one part's. */
    private static int candidates(Alternative alternative, Snapshot v) {
        int fewest = Integer.MAX_VALUE;
        for (Set<String> part : alternative.parts()) {
            int n = 0;
            for (String lexeme : part) {
                for (int i : v.withKey(Danish.key(lexeme))) {
                    n += v.postings(i);
                }
            }
            fewest = Math.min(fewest, n);
        }
        return fewest;
    }

    private static int postings(Set<String> lexemes, Snapshot v) {
        int n = 0;
        for (String lexeme : lexemes) {
            for (int i : v.withKey(Danish.key(lexeme))) {
                n = Math.max(n, v.postings(i));
            }
        }
        return n;
    }

    /**
     * The typed word spelled as the lexeme it is near, with the typed ending kept: "sygeplejeske" (stem
     * "sygeplejesk") near "sygeplejersk" is "sygeplejerske".
     */
    static String spelled(String typed, String lexeme) {
        String stem = Danish.stem(typed);
        return typed.startsWith(stem) ? lexeme + typed.substring(stem.length()) : lexeme;
    }
}
