package dk.kommunejob.common;

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

    private SafeHtml() {}

    /** Plain text (no markup) passes unchanged, & included; markup is reduced to the safe subset. */
    public static String sanitize(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        return POLICY.sanitize(text);
    }
}
