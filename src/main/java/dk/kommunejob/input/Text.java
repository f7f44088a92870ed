package dk.kommunejob.input;

import dk.kommunejob.language.Messages;
import java.util.Optional;

/**
 * What no text the API takes may hold, in a body, a query or a path: the C0 control characters
 * but tab, line feed and carriage return (PostgreSQL cannot store NUL at all, and the rest is
 * invisible or breaks the feeds' XML and the calendars), and half a character, an unpaired UTF-16
 * surrogate (JSON's `\ud800` escape), which is not Unicode and would be stored as `?`. Such text is
 * refused, not cleaned: a client's mistake is named to it rather than silently changed.
 */
public final class Text {

    private Text() {}

    /** Why this text is refused, in the caller's language ("must not contain ..."); empty if it is fine. */
    public static Optional<String> refusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(Messages.text("problem.text.control", (int) c, i + 1));
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return Optional.of(Messages.text("problem.text.surrogate", i + 1));
                }
            }
        }
        return Optional.empty();
    }
}
