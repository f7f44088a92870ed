package dk.kommunejob.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs from Danish titles: "Chef for Økonomi og Stab" becomes "chef-for-oekonomi-og-stab". */
public final class Slugs {

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    /** What a slug looks like; the database checks the same. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Slugs() {}

    public static String of(String title) {
        String text = title.toLowerCase(Locale.ROOT)
                .replace("æ", "ae")
                .replace("ø", "oe")
                .replace("å", "aa")
                .replace("&", " og ");
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        text = NOT_SLUG.matcher(text).replaceAll("-");
        return text.replaceAll("^-+|-+$", "");
    }

    public static boolean isSlug(String text) {
        return SLUG.matcher(text).matches();
    }
}
