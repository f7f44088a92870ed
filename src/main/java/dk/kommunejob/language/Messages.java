package dk.kommunejob.language;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * What the API says itself, in the request's language, from the bundles under `messages/`
 * (`messages.properties` is Danish, `messages_en.properties` English). Texts are {@link String#format}
 * patterns.
 */
public final class Messages {

    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    static {
        // Danish is the root bundle: no lookup may fall back to the JVM's default locale instead.
        ResourceBundle.Control exact =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Language language : Language.values()) {
            BUNDLES.put(language, ResourceBundle.getBundle("messages.messages", language.locale, exact));
        }
    }

    private Messages() {}

    /** The text under this key in the current request's language. */
    public static String text(String key, Object... args) {
        return text(Language.current(), key, args);
    }

    public static String text(Language language, String key, Object... args) {
        String pattern = BUNDLES.get(language).getString(key);
        return args.length == 0 ? pattern : pattern.formatted(args);
    }

    /** Whether the bundles have a text under this key (every language has the same keys; a test checks). */
    public static boolean has(String key) {
        return BUNDLES.get(Language.da).containsKey(key);
    }

    static ResourceBundle bundle(Language language) {
        return BUNDLES.get(language);
    }
}
