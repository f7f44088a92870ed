package dk.kommunejob.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a search matched a posting, so a website can mark it. */
@Schema(
        description = "Where the search matched this position, for marking it: the title's matching words, and an "
                + "excerpt of the text when the title alone does not hold every searched word. Offsets count "
                + "UTF-16 code units from 0, end exclusive (JavaScript's `slice(start, end)`).")
public record Match(
        @Schema(description = "The title's words that matched, in order.", maxItems = 150) List<Span> title,
        @Schema(
                        description =
                                "A short passage of the text around the matching words, when the title does not hold them all.")
                Excerpt excerpt) {

    @Schema(description = "A matching stretch of a text.", example = "{\"start\": 0, \"end\": 15}")
    public record Span(
            @Schema(description = "Offset of its first character.", example = "0", minimum = "0", maximum = "2000")
                    int start,
            @Schema(
                            description = "Offset just past its last character.",
                            example = "15",
                            minimum = "1",
                            maximum = "2000")
                    int end) {}

    @Schema(description = "A passage of the posting's text, plain (no markup), with the matching words' places.")
    public record Excerpt(
            @Schema(
                            description = "The passage, \"…\" where it was cut.",
                            example = "… Vi søger en engageret musikskolelærer til …",
                            maxLength = 2000)
                    String text,
            @Schema(description = "The matching words in `text`.", maxItems = 24) List<Span> marks) {}

    /** What PostgreSQL's ts_headline marks with, in place of tags: characters no posting text has. */
    public static final char START = '\u0002';

    public static final char STOP = '\u0003';

    public static final String HEADLINE_OPTIONS = "StartSel=\u0002, StopSel=\u0003, MaxWords=24, MinWords=10, "
            + "ShortWord=2, MaxFragments=1, HighlightAll=false";

    /**
     * The title's words whose lexeme is one the query matched ({@link SearchQuery#keys()}, taken once per
     * page), by Danish's stemmer as PostgreSQL's.
     */
    public static List<Span> inTitle(String title, Set<String> keys) {
        List<Span> spans = new ArrayList<>();
        for (Danish.Token t : Danish.tokens(title)) {
            if (keys.contains(Danish.key(Danish.stem(t.text()))) || keys.contains(Danish.key(t.text()))) {
                spans.add(new Span(t.start(), t.end()));
            }
        }
        return spans;
    }

    /** ts_headline's passage as plain text with its marks; markup a section kept is dropped. */
    public static Excerpt excerpt(String headline) {
        String plain =
                headline.replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
        StringBuilder text = new StringBuilder();
        List<Span> marks = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == START) {
                start = text.length();
            } else if (c == STOP) {
                if (start >= 0) {
                    marks.add(new Span(start, text.length()));
                }
                start = -1;
            } else {
                text.append(c);
            }
        }
        return new Excerpt(
                "… " + text + " …",
                marks.stream().map(m -> new Span(m.start() + 2, m.end() + 2)).toList());
    }
}
