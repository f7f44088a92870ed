package dk.kommunejob.common;

import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parses query parameters taken as text. JAX-RS answers a query parameter it cannot convert with a
 * bare 404; a consumer deserves a 400 that names the parameter and says what it accepts.
 */
public final class QueryParams {

    public static final int MAX_SIZE = 100;

    /** The largest id there can be (a PostgreSQL bigint), for the OpenAPI document's input fields (parameters use its `Id` schema). */
    public static final String MAX_ID = "9223372036854775807";

    private QueryParams() {}

    public static int page(String raw) {
        return integer("page", raw, 1, 1, Integer.MAX_VALUE);
    }

    public static int size(String raw) {
        return integer("size", raw, 20, 1, MAX_SIZE);
    }

    public static int integer(String name, String raw, int defaultValue, int min, int max) {
        if (blank(raw)) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw Problems.badParameter(name, Messages.text("problem.parameter.whole-number", name, raw));
        }
        if (value < min || value > max) {
            String range = max == Integer.MAX_VALUE
                    ? (value < min ? Messages.text("range.at-least", min) : Messages.text("range.at-most", max))
                    : Messages.text("range.from-to", min, max);
            throw Problems.badParameter(name, Messages.text("problem.parameter.range", name, range, value));
        }
        return (int) value;
    }

    public static Long id(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            long id = Long.parseLong(raw.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.badParameter(name, Messages.text("problem.parameter.id", name, raw));
    }

    public static LocalDate date(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw Problems.badParameter(name, Messages.text("problem.parameter.date", name, raw));
        }
    }

    /** Parses one of the enum's wire names (its constants' names, as written in the API). */
    public static <E extends Enum<E>> E oneOf(String name, String raw, Class<E> type, E defaultValue) {
        if (blank(raw)) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equals(raw.trim())) {
                return constant;
            }
        }
        String allowed =
                Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        throw Problems.badParameter(name, Messages.text("problem.parameter.one-of", name, allowed, raw));
    }

    /** A comma-separated list of the enum's wire names, each at most once, in the order given; none is empty. */
    public static <E extends Enum<E>> List<E> list(String name, String raw, Class<E> type) {
        if (blank(raw)) {
            return List.of();
        }
        List<E> values = new ArrayList<>();
        for (String item : raw.split(",", -1)) {
            E value = oneOf(name, item.isBlank() ? "," : item, type, null);
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    /** Free text such as search words: printable, and short enough to be a search. */
    public static String text(String name, String raw, int maxLength) {
        if (blank(raw)) {
            return null;
        }
        String text = raw.strip();
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw Problems.badParameter(name, Messages.text("problem.parameter.control", name));
        }
        if (text.length() > maxLength) {
            throw Problems.badParameter(
                    name, Messages.text("problem.parameter.length", name, maxLength, text.length()));
        }
        return text;
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }
}
