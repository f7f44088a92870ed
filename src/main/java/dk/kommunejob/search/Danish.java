package dk.kommunejob.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.tartarus.snowball.ext.DanishStemmer;

/**
 * Danish words as search compares them. PostgreSQL's 'danish' configuration stems the postings' words with
 * Snowball's Danish stemmer; this is the same stemmer, so a query word can be compared with the stored lexemes
 * here. A key folds what a keyboard without Danish letters gives: "ae", "æ" and a phone's plain "e" are all
 * "e"; "oe", "ø" and "o" are "o"; "aa", "å" and "a" are "a".
 */
public final class Danish {

    /** Words shorter than this match whole words and hyphenated parts only, never the inside of a compound. */
    public static final int MIN_COMPOUND_PART = 4;

    /** Snowball's Danish stop words, which PostgreSQL's 'danish' configuration leaves out of every posting too. */
    private static final CharArraySet STOP_WORDS = DanishAnalyzer.getDefaultStopSet();

    private static final ThreadLocal<DanishStemmer> STEMMER = ThreadLocal.withInitial(DanishStemmer::new);

    private Danish() {}

    /** A word of a text, where it stands in it (UTF-16 offsets, as JavaScript's string indexes). */
    public record Token(String text, int start, int end) {}

    /** The runs of letters and digits of a text, lower case; a hyphen or anything else separates them. */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                tokens.add(new Token(text.substring(start, i).toLowerCase(Locale.ROOT), start, i));
                start = -1;
            }
        }
        return tokens;
    }

    /** A word no posting is searchable by ("og", "til"): a query leaves it out. */
    public static boolean isStopWord(String lowerCaseWord) {
        return STOP_WORDS.contains(lowerCaseWord);
    }

    /** The word's stem, as PostgreSQL's Danish stemmer gives it ("lærerne" is "lær"). */
    public static String stem(String lowerCaseWord) {
        DanishStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(lowerCaseWord);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** Letters, and hyphens between them: a lexeme that can be a compound ("og/eller" and "28.000" cannot). */
    public static boolean isWord(String lexeme) {
        for (int i = 0; i < lexeme.length(); i++) {
            if (!Character.isLetter(lexeme.charAt(i)) && lexeme.charAt(i) != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether the word has æ, ø or å: then it means them, and is compared with them. */
    public static boolean hasDanishLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == 'æ' || c == 'ø' || c == 'å' || c == 'Æ' || c == 'Ø' || c == 'Å') {
                return true;
            }
        }
        return false;
    }

    /** The comparison key: lower case, Danish letters and their spelled-out forms folded to one letter. */
    public static String key(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            char next = i + 1 < w.length() ? w.charAt(i + 1) : 0;
            switch (c) {
                case 'æ', 'é', 'è' -> key.append('e');
                case 'ø', 'ö' -> key.append('o');
                case 'å', 'ä', 'á' -> key.append('a');
                case 'a' -> {
                    key.append(next == 'e' ? 'e' : 'a');
                    if (next == 'e' || next == 'a') {
                        i++;
                    }
                }
                case 'o' -> {
                    key.append('o');
                    if (next == 'e') {
                        i++;
                    }
                }
                default -> key.append(c);
            }
        }
        return key.toString();
    }
}
