package dk.kommunejob.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Phone numbers are stored in E.164 ("+4520337091") and shown the Danish way ("20 33 70 91"). */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "DK";

    private Phones() {}

    /**
     * "20 33 70 91", "4177 0211", "+45 20337091" and "0045 20 33 70 91" are one number: +4520337091.
     *
     * @throws IllegalArgumentException when the text is not a valid number
     */
    public static String toE164(String text) {
        try {
            PhoneNumber number = UTIL.parse(text, DEFAULT_REGION);
            if (UTIL.isValidNumber(number)) {
                return UTIL.format(number, PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // answered below
        }
        throw new IllegalArgumentException("'%s' is not a valid phone number".formatted(text));
    }

    /** Danish numbers in their national grouping, others in international form. */
    public static String display(String e164) {
        if (e164 == null) {
            return null;
        }
        try {
            PhoneNumber number = UTIL.parse(e164, DEFAULT_REGION);
            boolean danish = UTIL.getRegionCodeForNumber(number).equals(DEFAULT_REGION);
            return UTIL.format(number, danish ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            throw new IllegalStateException("stored phone number is not E.164: " + e164, e);
        }
    }
}
