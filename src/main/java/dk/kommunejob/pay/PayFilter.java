package dk.kommunejob.pay;

import dk.kommunejob.common.QueryParams;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The job seeker's pay filters: only postings that state their pay, and only those paying at least
 * so much a month. A posting's pay for the latter is its monthly most, or its least when it gives
 * no most (the derived columns of V12). Null fields filter nothing.
 */
public record PayFilter(Boolean stated, Integer minMonthly) {

    public static final PayFilter NONE = new PayFilter(null, null);

    /** The bands of the `pay` facet: a value is the least a month, its count what `minMonthlyPay` would give. */
    public static final List<Integer> BANDS = List.of(25_000, 30_000, 35_000, 40_000, 45_000, 50_000, 60_000, 75_000);

    /** The band (its least) a posting's monthly pay is in, over {@code position p}; NULL below the first or unknown. */
    public static final String BAND;

    private static final String MONTHLY = "coalesce(p.pay_monthly_max, p.pay_monthly_min)";

    static {
        StringBuilder band = new StringBuilder("CASE");
        for (int i = BANDS.size() - 1; i >= 0; i--) {
            band.append(" WHEN %s >= %d THEN '%d'".formatted(MONTHLY, BANDS.get(i), BANDS.get(i)));
        }
        BAND = band.append(" END").toString();
    }

    public static PayFilter parse(String stated, String minMonthly) {
        Boolean isStated = null;
        if (stated != null && !stated.isBlank()) {
            isStated = switch (stated.strip()) {
                case "true" -> true;
                case "false" -> false;
                default ->
                    throw Problems.badParameter(
                            "payStated", Messages.text("problem.parameter.one-of", "payStated", "true, false", stated));
            };
        }
        Integer min = minMonthly == null || minMonthly.isBlank()
                ? null
                : QueryParams.integer("minMonthlyPay", minMonthly, 0, 0, 10_000_000);
        return new PayFilter(isStated, min);
    }

    /** The same without the least a month: what the `pay` facet counts over. */
    public PayFilter withoutMinimum() {
        return new PayFilter(stated, null);
    }

    /** The SQL conditions, each starting " AND", over {@code position p}; their parameters go in {@code params}. */
    public String where(Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (stated != null) {
            where.append(stated ? " AND p.pay_stated" : " AND NOT p.pay_stated");
        }
        if (minMonthly != null) {
            where.append(" AND ").append(MONTHLY).append(" >= :minMonthlyPay");
            params.put("minMonthlyPay", BigDecimal.valueOf(minMonthly));
        }
        return where.toString();
    }

    /** A band of the facet: the least a month, and what it is called in the answer's language. */
    public record Band(String value, String label, long count) {}

    /**
     * Each band's count, from the postings counted in each: those of its band and of every band above, as the
     * filter takes them; bands nothing reaches are left out.
     */
    public static <T> List<Band> cumulative(
            Collection<T> counted, java.util.function.Function<T, String> band, ToLongFunction<T> count) {
        long[] inBand = new long[BANDS.size()];
        for (T c : counted) {
            inBand[BANDS.indexOf(Integer.valueOf(band.apply(c)))] += count.applyAsLong(c);
        }
        NumberFormat number = NumberFormat.getIntegerInstance(dk.kommunejob.language.Language.current().locale);
        List<Band> bands = new ArrayList<>();
        long atLeast = 0;
        for (int i = BANDS.size() - 1; i >= 0; i--) {
            atLeast += inBand[i];
            if (atLeast > 0) {
                bands.add(
                        0,
                        new Band(
                                BANDS.get(i).toString(),
                                Messages.text("pay.band", number.format(BANDS.get(i))),
                                atLeast));
            }
        }
        return bands;
    }
}
