package dk.kommunejob.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A body value refused as it is read, its reason already in the caller's language: named in the
 * problem's `violations` at the place in the body Jackson was, like a value of the wrong type.
 */
public class FieldRefused extends MismatchedInputException {

    public FieldRefused(JsonParser parser, String reason, Class<?> type) {
        super(parser, reason, type);
    }
}
