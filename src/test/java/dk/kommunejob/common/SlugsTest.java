package dk.kommunejob.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Afdelingschef for Dagtilbud & Skole|afdelingschef-for-dagtilbud-og-skole",
                "Chef for Økonomi og Stab|chef-for-oekonomi-og-stab",
                "Leder af Sekretariat for Politik, Jura, Kommunikation & Udvikling|leder-af-sekretariat-for-politik-jura-kommunikation-og-udvikling",
                "  Pædagog (37 t.) – Børnehuset Å  |paedagog-37-t-boernehuset-aa",
                "Café-medarbejder|cafe-medarbejder"
            })
    void transliteratesDanishLetters(String title, String slug) {
        assertEquals(slug, Slugs.of(title));
    }
}
