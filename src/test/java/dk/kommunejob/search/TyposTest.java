package dk.kommunejob.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.junit.jupiter.api.Test;

class TyposTest {

    @Test
    void searchesOfLongMadeUpWordsKeepTheAutomataWithinTheirBound() {
        // Two typos allowed in a 40-letter word: some 100 KB an automaton. A thousand such words would be 100 MB.
        Random random = new Random(21);
        for (int i = 0; i < 1_000; i++) {
            StringBuilder word = new StringBuilder();
            for (int j = 0; j < Typos.MAX_LENGTH; j++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            Typos.near(word.toString(), Typos.allowed(word.toString()));
        }
        long kept = Typos.keptBytes();
        assertTrue(kept <= Typos.MAX_KEPT_BYTES, kept + " bytes kept");
        assertTrue(kept > Typos.MAX_KEPT_BYTES / 2, "the bound is used, " + kept + " bytes kept");
    }

    @Test
    void aKeptAutomatonStillTellsWhatIsNear() {
        CharacterRunAutomaton near = Typos.near("paedagog", 1);
        assertTrue(near.run("paedagog"));
        assertTrue(near.run("peadagog"), "a swap is one typo");
        assertFalse(near.run("pdgg"));
        assertTrue(Typos.startsNear(near, "paedagogmedhjaelper"));
    }
}
