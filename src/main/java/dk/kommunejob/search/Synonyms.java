package dk.kommunejob.search;

import dk.kommunejob.common.JobsConfig;
import jakarta.annotation.PostConstruct;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words that mean the same in a search, from a reviewed list (README, "Search"): {@code search/synonyms.txt}
 * in the application, or the file {@code JOBS_SEARCH_SYNONYMS} names. A query word that is one of a line's
 * entries also finds what each other entry finds; an entry of several words finds postings with all of them.
 */
@ApplicationScoped
public class Synonyms {

    @Inject
    JobsConfig config;

    /** By the key of a one-word entry: the other entries of its lines, each as its words. */
    private Map<String, List<List<String>>> alternatives;

    /** By the keys of an entry of several words: the other entries of its lines. */
    private Map<List<String>, List<List<String>>> phrases;

    @PostConstruct
    void init() {
        try (InputStream in = config.search().synonyms().isPresent()
                ? Files.newInputStream(Path.of(config.search().synonyms().get()))
                : Synonyms.class.getResourceAsStream("/search/synonyms.txt")) {
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList();
            alternatives = new HashMap<>();
            phrases = new HashMap<>();
            parse(lines).forEach((entry, others) -> {
                if (entry.size() == 1) {
                    alternatives
                            .computeIfAbsent(entry.get(0), k -> new ArrayList<>())
                            .addAll(others);
                } else {
                    phrases.computeIfAbsent(entry, k -> new ArrayList<>()).addAll(others);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The synonym list could not be read", e);
        }
    }

    /** Each entry by its words' keys, with the other entries of its lines; stop words ("og") left out. */
    static Map<List<String>, List<List<String>>> parse(List<String> lines) {
        Map<List<String>, List<List<String>>> others = new HashMap<>();
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            List<List<String>> entries = new ArrayList<>();
            for (String entry : content.split(",")) {
                List<String> words = Danish.tokens(entry).stream()
                        .map(Danish.Token::text)
                        .filter(w -> !Danish.isStopWord(w))
                        .toList();
                if (!words.isEmpty()) {
                    entries.add(words);
                }
            }
            for (List<String> entry : entries) {
                List<String> keys = entry.stream().map(Synonyms::key).toList();
                List<List<String>> rest = others.computeIfAbsent(keys, k -> new ArrayList<>());
                entries.stream().filter(e -> e != entry).forEach(rest::add);
            }
        }
        return others;
    }

    /** Words compare by their stems, Danish letters folded: "Sygeplejersker" is an entry "sygeplejerske". */
    static String key(String word) {
        return Danish.key(Danish.stem(word.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * The entries of several words that the words from {@code from} on begin with, longest first: each with
     * its length and the other entries of its lines.
     */
    public List<Phrase> phrasesAt(List<String> words, int from) {
        List<Phrase> found = new ArrayList<>();
        phrases.forEach((keys, others) -> {
            if (from + keys.size() <= words.size()) {
                for (int i = 0; i < keys.size(); i++) {
                    if (!keys.get(i).equals(key(words.get(from + i)))) {
                        return;
                    }
                }
                found.add(new Phrase(keys.size(), others));
            }
        });
        found.sort((a, b) -> b.length() - a.length());
        return found;
    }

    public record Phrase(int length, List<List<String>> others) {}

    /** What else the word may be written as; each alternative is one or more words. */
    public List<List<String>> of(String word) {
        return alternatives.getOrDefault(key(word), List.of());
    }
}
