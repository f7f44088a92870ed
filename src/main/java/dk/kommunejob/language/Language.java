package dk.kommunejob.language;

import io.smallrye.common.vertx.ContextLocals;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the API answers in: Danish unless the caller asks for English, by `lang` or by
 * Accept-Language. Posting content is Danish either way; what the API says itself (labels, problems,
 * feed and calendar titles) follows the language.
 */
public enum Language {
    da,
    en;

    static final String KEY = Language.class.getName();

    public final Locale locale = Locale.forLanguageTag(name());

    public static Optional<Language> parse(String tag) {
        return Arrays.stream(values()).filter(l -> l.name().equals(tag)).findFirst();
    }

    /** The first of the caller's weighted ranges that one of ours matches; Danish when none does. */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return da;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() == 0) {
                    continue;
                }
                String wanted = range.getRange();
                for (Language language : values()) {
                    if (wanted.equals(language.name()) || wanted.startsWith(language.name() + "-")) {
                        return language;
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            // A header no one can read asks for nothing: the default.
        }
        return da;
    }

    /** The language of the request being handled (Danish outside one). */
    public static Language current() {
        try {
            return ContextLocals.<Language>get(KEY).orElse(da);
        } catch (UnsupportedOperationException | IllegalStateException notOnARequest) {
            return da;
        }
    }

    static void set(Language language) {
        ContextLocals.put(KEY, language);
    }

    public static List<String> tags() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
