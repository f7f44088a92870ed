package dk.kommunejob.pay;

import dk.kommunejob.common.JobsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The municipal pay scale: kroner a year for each step (løntrin), from the dates the parties'
 * settlements apply. Forhandlingsfællesskabet publishes the rates ("lønsatser") with each settlement;
 * the operator gives them as a CSV in {@code JOBS_PAY_SCALE} (columns {@code from,step,kroner_per_year},
 * a header line first), and the rates whose date is the latest not after today are in force. The
 * service ships none: without a file, steps are shown as steps and nothing is reckoned from them.
 */
@ApplicationScoped
public class PayScale {

    private final NavigableMap<LocalDate, Map<Integer, BigDecimal>> byDate;

    @Inject
    public PayScale(JobsConfig config) {
        this(config.payScale().map(PayScale::read).orElseGet(TreeMap::new));
    }

    PayScale(NavigableMap<LocalDate, Map<Integer, BigDecimal>> byDate) {
        this.byDate = byDate;
    }

    /** Kroner a year at this step, by the rates in force on the day; empty without a scale or such a step. */
    public Optional<BigDecimal> yearly(int step, LocalDate on) {
        return Optional.ofNullable(byDate.floorEntry(on))
                .map(rates -> rates.getValue().get(step));
    }

    /** The date the rates in force on the day apply from: what a posting's reckoned pay was reckoned by. */
    public Optional<LocalDate> inForce(LocalDate on) {
        return Optional.ofNullable(byDate.floorKey(on));
    }

    static NavigableMap<LocalDate, Map<Integer, BigDecimal>> read(String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("JOBS_PAY_SCALE names " + file + ", which cannot be read", e);
        }
        NavigableMap<LocalDate, Map<Integer, BigDecimal>> byDate = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            try {
                if (cells.length != 3) {
                    throw new IllegalArgumentException("three columns");
                }
                int step = Integer.parseInt(cells[1].strip());
                BigDecimal yearly = new BigDecimal(cells[2].strip());
                if (step < 1 || step > 60 || yearly.signum() < 0) {
                    throw new IllegalArgumentException("a step from 1 to 60 and kroner not below 0");
                }
                byDate.computeIfAbsent(LocalDate.parse(cells[0].strip()), d -> new HashMap<>())
                        .put(step, yearly);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "JOBS_PAY_SCALE %s, line %d: expected from,step,kroner_per_year (2026-04-01,26,384412.00), got '%s'"
                                .formatted(file, i + 1, line),
                        e);
            }
        }
        return byDate;
    }
}
