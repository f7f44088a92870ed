package dk.kommunejob.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reviewed list at work on titles and sentences from postings, half of them gendered. */
class GenderedWordingTest {

    private final GenderedWording wording = new GenderedWording(GenderedWording.read(Optional.empty()));

    /** Gendered: each should be found. */
    private static final List<String> GENDERED = List.of(
            "Formand for Ældrerådet",
            "Næstformand til bestyrelsen",
            "Tillidsmandsuddannelse er en del af jobbet",
            "Vi søger en fællestillidsmand",
            "Erfaren lærerinde til 3. klasse",
            "Ekspeditrice til borgerservice",
            "Rengøringskone til rådhuset",
            "Dagplejemor i Herstedvester",
            "Han eller hun skal kunne samarbejde",
            "Ansøgeren skal have kørekort, og ham/hende vil vi gerne møde",
            "Hans eller hendes erfaring med IT vægtes højt",
            "Vi søger den rette mand til jobbet",
            "Brandmand til beredskabet",
            "Talsmand for forvaltningen",
            "Kontormand til økonomiafdelingen",
            "Formanden for udvalget deltager i samtalen",
            "Forstanderinde på Solsikken");

    /** Neutral: none should be found, though some hold the letters of a listed word. */
    private static final List<String> NEUTRAL = List.of(
            "Forperson for Ældrerådet",
            "Tillidsrepræsentant for pædagogerne",
            "Lærer til 3. klasse",
            "Samtaler holdes mandag den 2. juni",
            "Du har kommandoen over et team på 15",
            "Vi søger en sygeplejerske til hjemmeplejen",
            "Du får mandat til at træffe beslutninger",
            "Butiksassistent til genbrugsbutikken",
            "Dagplejer i Herstedvester",
            "Du skal kunne samarbejde med mange",
            "Kvinder og mænd opfordres til at søge",
            "Vi glæder os til at møde dig",
            "Afdelingschef for Dagtilbud & Skole",
            "Brandbekæmper til beredskabet",
            "Mandskabet består af 12 medarbejdere",
            "Servicemedarbejder til rådhuset",
            "Den rette person til jobbet");

    @Test
    void findsGenderedWordingWithPrecisionAndRecallOfAtLeastNineTenths() {
        int found = 0;
        int falseAlarms = 0;
        StringBuilder misses = new StringBuilder();
        for (String text : GENDERED) {
            if (!wording.find(text).isEmpty()) {
                found++;
            } else {
                misses.append("\n  missed: ").append(text);
            }
        }
        for (String text : NEUTRAL) {
            if (!wording.find(text).isEmpty()) {
                falseAlarms++;
                misses.append("\n  false alarm: ").append(text).append(" ").append(wording.find(text));
            }
        }
        double precision = found / (double) (found + falseAlarms);
        double recall = found / (double) GENDERED.size();
        System.out.printf(
                "Gendered wording over %d texts (%d gendered): precision %.2f, recall %.2f%s%n",
                GENDERED.size() + NEUTRAL.size(), GENDERED.size(), precision, recall, misses);
        assertTrue(GENDERED.size() + NEUTRAL.size() >= 30);
        assertTrue(precision >= 0.9, "precision " + precision + misses);
        assertTrue(recall >= 0.9, "recall " + recall + misses);
    }

    @Test
    void saysWhatWasFoundWhereAndWhatToWriteInstead() {
        List<GenderedWording.Hit> hits = wording.find("Vi søger en Tillidsmand; han eller hun skal være ærlig.");
        assertEquals(2, hits.size());
        assertEquals("Tillidsmand", hits.get(0).found());
        assertEquals(List.of("tillidsrepræsentant"), hits.get(0).entry().neutral());
        assertEquals("han eller hun", hits.get(1).found());
        assertEquals(List.of("du"), hits.get(1).entry().neutral());
    }
}
