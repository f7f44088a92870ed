package dk.kommunejob.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhonesTest {

    @ParameterizedTest
    @CsvSource({
        "20 33 70 91, +4520337091, 20 33 70 91",
        "4177 0211, +4541770211, 41 77 02 11",
        "2565 9231, +4525659231, 25 65 92 31",
        "43686868, +4543686868, 43 68 68 68",
        "+45 20 33 70 91, +4520337091, 20 33 70 91",
        "0045 20337091, +4520337091, 20 33 70 91",
        "+46 8 123 456 78, +46812345678, +46 8 123 456 78"
    })
    void normalisesToE164AndShowsDanishGrouping(String written, String e164, String display) {
        assertEquals(e164, Phones.toE164(written));
        assertEquals(display, Phones.display(e164));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "2033709", "203370911", "telefon", "20 00 00 00"})
    void rejectsWhatIsNotAPhoneNumber(String written) {
        assertThrows(IllegalArgumentException.class, () -> Phones.toE164(written));
    }
}
