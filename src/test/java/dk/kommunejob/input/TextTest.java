package dk.kommunejob.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\u0000b",
                "\u0001",
                "bell\u0007",
                "escape\u001b[31m",
                "unit separator\u001f",
                "half \ud800 a character",
                "a low half \udc00 first",
                "reversed \ude00\ud83d pair",
                "ends on a high half \ud83d"
            })
    void refusesControlCharactersAndHalfCharacters(String text) {
        assertTrue(Text.refusal(text).isPresent(), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Afdelingschef for Dagtilbud & Skole",
                "tab\tline feed\ncarriage return\r",
                "emoji \uD83D\uDC69\u200D\uD83D\uDCBC and æøå",
                "\u202Eright-to-left override",
                "delete \u007f and a C1 control \u0085"
            })
    void takesEverythingElse(String text) {
        assertTrue(Text.refusal(text).isEmpty(), text);
    }

    @org.junit.jupiter.api.Test
    void saysWhichCharacterAndWhere() {
        assertEquals(
                "må ikke indeholde kontroltegn (U+0000, tegn nr. 3); kun tabulator, linjeskift og vognretur er tilladt",
                Text.refusal("ab\u0000").orElseThrow());
    }
}
