package dk.kommunejob.checks;

import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.search.Danish;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds wording that names one sex, from a reviewed list: {@code checks/gendered-wording.txt} in the
 * application, or the file {@code JOBS_WORDING_FILE} names (README, "Pay transparency"). Words are
 * the search's words ({@link Danish#tokens}), so a listed word of {@link Danish#MIN_COMPOUND_PART}
 * letters or more also finds the compounds it begins or ends, and never the letters inside another.
 */
@ApplicationScoped
public class GenderedWording {

    /** A listed word or phrase, its neutral forms and why. */
    public record Entry(List<String> words, List<String> neutral, String reason) {

        String text() {
            return String.join(" ", words);
        }
    }

    /** Wording found, where it stands in the text, and the entry that found it. */
    public record Hit(String found, int start, int end, Entry entry) {}

    private final List<Entry> entries;

    @Inject
    public GenderedWording(JobsConfig config) {
        this(read(config.wordingFile()));
    }

    GenderedWording(List<Entry> entries) {
        this.entries = entries;
    }

    /** Every gendered word or phrase in the text, in its order. */
    public List<Hit> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Danish.Token> tokens = Danish.tokens(text);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (Entry entry : entries) {
                int n = entry.words().size();
                if (i + n <= tokens.size() && matches(entry, tokens.subList(i, i + n))) {
                    Danish.Token first = tokens.get(i);
                    Danish.Token last = tokens.get(i + n - 1);
                    hits.add(new Hit(text.substring(first.start(), last.end()), first.start(), last.end(), entry));
                    break;
                }
            }
        }
        return hits;
    }

    private static boolean matches(Entry entry, List<Danish.Token> tokens) {
        if (entry.words().size() == 1) {
            String word = entry.words().get(0);
            String token = tokens.get(0).text();
            return token.equals(word)
                    || (word.length() >= Danish.MIN_COMPOUND_PART && (token.startsWith(word) || token.endsWith(word)));
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).text().equals(entry.words().get(i))) {
                return false;
            }
        }
        return true;
    }

    static List<Entry> read(java.util.Optional<String> file) {
        try (InputStream in = file.isPresent()
                        ? Files.newInputStream(Path.of(file.get()))
                        : GenderedWording.class.getResourceAsStream("/checks/gendered-wording.txt");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Entry> entries = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                if (cells.length != 3 || Danish.tokens(cells[0]).isEmpty()) {
                    throw new IllegalArgumentException(
                            "%s, line %d: expected 'gendered | neutral, forms | why', got '%s'"
                                    .formatted(file.orElse("checks/gendered-wording.txt"), number, line));
                }
                entries.add(new Entry(
                        Danish.tokens(cells[0]).stream().map(Danish.Token::text).toList(),
                        Arrays.stream(cells[1].split(",")).map(String::strip).toList(),
                        cells[2].strip()));
            }
            // Longer phrases first, so that "han eller hun" is found as one, not as "han".
            entries.sort((a, b) -> b.words().size() - a.words().size());
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("the wording file cannot be read", e);
        }
    }
}
