package dk.kommunejob.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.owasp.html.Encoding;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The HTML a section text may carry on the website: paragraphs, line breaks, emphasis, lists and
 * http(s) links. Scripts, event handlers, styles and every other element are removed.
 */
public final class SafeHtml {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href")
            .onElements("a")
            .requireRelNofollowOnLinks()
            .toFactory();

    /** Markup that makes its own paragraphs and lists. */
    private static final Pattern BLOCK = Pattern.compile("<(p|ul|ol)[\\s>]", Pattern.CASE_INSENSITIVE);

    private SafeHtml() {}

    /**
     * A section text as HTML: one that carries markup is sanitised; plain text is escaped, its blank-line
     * separated paragraphs become `p` and its single line breaks `br`.
     */
    public static String paragraphs(String text) {
        if (BLOCK.matcher(text).find()) {
            return POLICY.sanitize(text);
        }
        StringBuilder html = new StringBuilder();
        try {
            for (String paragraph : text.strip().split("\\n\\s*\\n")) {
                if (paragraph.indexOf('<') >= 0) {
                    html.append(POLICY.sanitize("<p>" + paragraph.strip().replace("\n", "<br>") + "</p>"));
                    continue;
                }
                html.append("<p>");
                String[] lines = paragraph.strip().split("\\n");
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        html.append("<br>");
                    }
                    Encoding.encodeRcdataOnto(lines[i].strip(), html);
                }
                html.append("</p>");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return html.toString();
    }

    /** Text in HTML, escaped. */
    public static String text(String text) {
        StringBuilder html = new StringBuilder();
        try {
            Encoding.encodeRcdataOnto(text, html);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return html.toString();
    }

    /** Plain text (no markup) passes unchanged, & included; markup is reduced to the safe subset. */
    public static String sanitize(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        return POLICY.sanitize(text);
    }
}
