package dk.kommunejob.pay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pay scale a test makes itself: illustrative kroner, not the parties' rates. */
class PayScaleTest {

    @TempDir
    Path dir;

    @Test
    void theRatesInForceAreTheLatestNotAfterTheDay() throws IOException {
        PayScale scale = scale(
                """
                from,step,kroner_per_year
                # illustrative figures
                2025-04-01,26,360000
                2025-04-01,31,400000
                2026-04-01,26,372000
                2026-04-01,31,412800
                """);
        assertEquals(Optional.empty(), scale.yearly(26, LocalDate.parse("2025-03-31")));
        assertEquals(Optional.of(new BigDecimal("360000")), scale.yearly(26, LocalDate.parse("2026-03-31")));
        assertEquals(Optional.of(new BigDecimal("412800")), scale.yearly(31, LocalDate.parse("2026-04-01")));
        assertEquals(Optional.empty(), scale.yearly(40, LocalDate.parse("2026-04-01")));
        assertEquals(Optional.of(LocalDate.parse("2026-04-01")), scale.inForce(LocalDate.parse("2027-01-01")));
    }

    @Test
    void aLineThatIsNoRateNamesItself() throws IOException {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> scale("from,step,kroner_per_year\n2026-04-01,61,100\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    private PayScale scale(String csv) throws IOException {
        Path file = dir.resolve("scale.csv");
        Files.writeString(file, csv);
        return new PayScale(PayScale.read(file.toString()));
    }
}
