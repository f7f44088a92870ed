package dk.kommunejob.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * How many typos a word may have, and Lucene's Levenshtein automata (Damerau distance: a swap of two letters is
 * one edit, as in Lucene's FuzzyQuery) that tell whether a word is that near. An automaton takes about a
 * millisecond to build and microseconds to run (bench/README.md), so each is built once per word and kept, as a
 * compiled pattern would be, within a bound on their memory.
 */
public final class Typos {

    /** Meilisearch's defaults: one typo from 5 letters, two from 9. */
    static final int ONE_TYPO_FROM = 5;

    static final int TWO_TYPOS_FROM = 9;

    /** Longer words are looked for as they are: no word of the postings is that long. */
    static final int MAX_LENGTH = 40;

    /**
     * Kept by their size, not their number: an automaton for two typos in a 40-letter word is some 100 KB, so that
     * twenty thousand of any words would be room for 2 GB, and searches of long made-up words would fill the heap.
     * 16 MB keeps a few thousand of the words people type.
     */
    static final long MAX_KEPT_BYTES = 16L << 20;

    private static final Cache<String, CharacterRunAutomaton> BUILT = Caffeine.newBuilder()
            .maximumWeight(MAX_KEPT_BYTES)
            .weigher((String word, CharacterRunAutomaton automaton) -> Math.toIntExact(automaton.ramBytesUsed()))
            .build();

    private Typos() {}

    /** The edits a typed word of this many letters may be off by. */
    public static int allowed(String word) {
        int n = word.length();
        return n > MAX_LENGTH ? 0 : n >= TWO_TYPOS_FROM ? 2 : n >= ONE_TYPO_FROM ? 1 : 0;
    }

    /** What accepts the words at most {@code edits} edits from {@code key}. */
    public static CharacterRunAutomaton near(String key, int edits) {
        return BUILT.get(
                edits + ":" + key,
                k -> new CharacterRunAutomaton(new LevenshteinAutomata(key, true).toAutomaton(edits)));
    }

    /** The memory the kept automata take, as Lucene estimates it. */
    static long keptBytes() {
        BUILT.cleanUp();
        return BUILT.asMap().values().stream()
                .mapToLong(CharacterRunAutomaton::ramBytesUsed)
                .sum();
    }

    /** Whether some beginning of the word is accepted: the automaton walked along it, stopping where it may. */
    public static boolean startsNear(CharacterRunAutomaton near, String word) {
        int state = 0;
        for (int i = 0; i < word.length() && state >= 0; i++) {
            state = near.step(state, word.charAt(i));
            if (state >= 0 && near.isAccept(state)) {
                return true;
            }
        }
        return false;
    }
}
