package dk.kommunejob.pay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.input.StrictJson;
import dk.kommunejob.language.Language;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a posting's pay means: the rules its parts must keep, the monthly kroner they come to, the
 * one-line summary, and how it is stored (one JSON document beside the derived columns the
 * filters use).
 */
@ApplicationScoped
public class PayTerms {

    /** Hours a month of a full-time Danish post: 37 a week, 52 weeks, 12 months. */
    static final BigDecimal HOURS_A_MONTH = new BigDecimal("160.33");

    private static final String DKK = "DKK";

    @Inject
    ObjectMapper json;

    @Inject
    PayScale scale;

    @Inject
    Clock clock;

    /** What PostgreSQL and the filters keep of a posting's pay, besides the document. */
    public record Derived(boolean stated, BigDecimal monthlyMin, BigDecimal monthlyMax) {

        /** The pay the `minMonthlyPay` filter compares: the most, or the least when no most is given. */
        public BigDecimal filtered() {
            return monthlyMax != null ? monthlyMax : monthlyMin;
        }
    }

    /**
     * The pay as stored: the deprecated `salary` taken as its text, DKK where no currency is given,
     * a single step as a range of one. What contradicts itself is a 400 naming the field.
     */
    public static PayInput normalise(PayInput pay, String salary) {
        PayInput in = pay == null ? PayInput.NONE : pay;
        String text = in.text();
        if (salary != null && !salary.isBlank()) {
            if (text != null && !text.isBlank() && !text.equals(salary)) {
                throw Problems.badField("salary", Messages.text("problem.field.salary-is-pay-text"));
            }
            text = salary;
        }
        PayInput.Steps steps = in.steps();
        if (steps != null) {
            int to = steps.to() == null ? steps.from() : steps.to();
            if (steps.from() > to) {
                throw Problems.badField("pay.steps", Messages.text("problem.field.pay-steps-order", steps.from(), to));
            }
            steps = new PayInput.Steps(steps.from(), to);
        }
        PayInput.Amount amount = in.amount();
        if (amount != null) {
            if (amount.min() == null && amount.max() == null) {
                throw Problems.badField("pay.amount", Messages.text("problem.field.pay-amount-empty"));
            }
            if (amount.min() != null && amount.max() != null && amount.min().compareTo(amount.max()) > 0) {
                throw Problems.badField("pay.amount", Messages.text("problem.field.pay-amount-order"));
            }
            String currency = amount.currency() == null ? DKK : amount.currency();
            if (Currency.getAvailableCurrencies().stream()
                    .noneMatch(c -> c.getCurrencyCode().equals(currency))) {
                throw Problems.badField("pay.amount.currency", Messages.text("problem.field.currency", currency));
            }
            amount = new PayInput.Amount(amount.min(), amount.max(), currency, amount.period());
        }
        return new PayInput(
                blankToNull(text),
                in.basis(),
                blankToNull(in.agreement()),
                steps,
                amount,
                in.supplements() == null ? List.of() : in.supplements(),
                in.pensionPercent(),
                in.negotiable());
    }

    /** Whether a starting pay is stated, and what it is a month, by the pay scale in force today. */
    public Derived derive(PayInput pay) {
        LocalDate today = LocalDate.now(clock.withZone(Copenhagen.ZONE));
        boolean stated = pay.steps() != null || pay.amount() != null;
        BigDecimal min = null;
        BigDecimal max = null;
        if (pay.amount() != null && DKK.equals(pay.amount().currency())) {
            min = monthly(pay.amount().min(), pay.amount().period());
            max = monthly(pay.amount().max(), pay.amount().period());
        } else if (pay.steps() != null) {
            min = scale.yearly(pay.steps().from(), today).map(PayTerms::twelfth).orElse(null);
            max = scale.yearly(pay.steps().to(), today).map(PayTerms::twelfth).orElse(null);
            if (min == null || max == null) {
                min = max = null; // half a range says less than none
            }
        }
        return new Derived(stated, min, max);
    }

    /** The pay as shown, its summary in the answer's language. */
    public Pay view(PayInput pay) {
        Derived derived = derive(pay);
        return new Pay(
                pay.text(),
                pay.basis(),
                pay.agreement(),
                pay.steps(),
                pay.amount(),
                pay.supplements(),
                pay.pensionPercent(),
                pay.negotiable(),
                derived.stated(),
                derived.monthlyMin() == null && derived.monthlyMax() == null
                        ? null
                        : new Pay.Monthly(derived.monthlyMin(), derived.monthlyMax()),
                summary(pay, Language.current()).orElse(null));
    }

    /** "Løntrin 26–31 + tillæg, pension 16,2 %": only what is stated in structure; nothing when nothing is. */
    public Optional<String> summary(PayInput pay, Language language) {
        NumberFormat number = NumberFormat.getNumberInstance(language.locale);
        number.setMaximumFractionDigits(2);
        List<String> parts = new ArrayList<>();
        if (pay.steps() != null) {
            parts.add(
                    Objects.equals(pay.steps().from(), pay.steps().to())
                            ? Messages.text(
                                    language, "pay.summary.step", pay.steps().from())
                            : Messages.text(
                                    language,
                                    "pay.summary.steps",
                                    pay.steps().from(),
                                    pay.steps().to()));
        }
        if (pay.amount() != null) {
            PayInput.Amount a = pay.amount();
            String period = Messages.text(language, "pay.summary.period." + a.period());
            String amount = a.min() != null && a.max() != null
                    ? money(number.format(a.min()) + "–" + number.format(a.max()), a.currency(), language)
                    : a.min() != null
                            ? Messages.text(
                                    language, "pay.summary.from", money(number.format(a.min()), a.currency(), language))
                            : Messages.text(
                                    language,
                                    "pay.summary.up-to",
                                    money(number.format(a.max()), a.currency(), language));
            String text = amount + " " + period;
            parts.add(parts.isEmpty() ? text : "(" + text + ")");
        }
        if (parts.isEmpty() && pay.basis() != null) {
            parts.add(Messages.text(language, "pay.summary.basis." + pay.basis().name())
                    + (pay.agreement() == null ? "" : " (" + pay.agreement() + ")"));
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder summary = new StringBuilder(String.join(" ", parts));
        if (!pay.supplements().isEmpty()) {
            summary.append(Messages.text(language, "pay.summary.supplements"));
        }
        if (Boolean.TRUE.equals(pay.negotiable())) {
            summary.append(Messages.text(language, "pay.summary.negotiable"));
        }
        if (pay.pensionPercent() != null) {
            summary.append(Messages.text(language, "pay.summary.pension", number.format(pay.pensionPercent())));
        }
        return Optional.of(summary.toString());
    }

    /** The document a posting's pay is stored as. */
    public String store(PayInput pay) {
        try {
            return json.writeValueAsString(pay);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pay input always serialises", e);
        }
    }

    /** The stored document read back; a posting stored without one says nothing of its pay. */
    public PayInput read(String stored) {
        if (stored == null) {
            return PayInput.NONE;
        }
        try {
            PayInput pay = stored().readValue(stored);
            return pay.supplements() == null ? normaliseLists(pay) : pay;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored pay is JSON", e);
        }
    }

    private ObjectReader stored() {
        return StrictJson.stored(json.readerFor(PayInput.class));
    }

    private static PayInput normaliseLists(PayInput pay) {
        return new PayInput(
                pay.text(),
                pay.basis(),
                pay.agreement(),
                pay.steps(),
                pay.amount(),
                List.of(),
                pay.pensionPercent(),
                pay.negotiable());
    }

    private static String money(String amount, String currency, Language language) {
        return DKK.equals(currency) ? Messages.text(language, "pay.summary.kroner", amount) : currency + " " + amount;
    }

    private static BigDecimal monthly(BigDecimal amount, PayInput.Period period) {
        if (amount == null) {
            return null;
        }
        BigDecimal monthly =
                switch (period) {
                    case month -> amount;
                    case year -> amount.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
                    case hour -> amount.multiply(HOURS_A_MONTH);
                };
        return monthly.setScale(0, RoundingMode.HALF_UP);
    }

    private static BigDecimal twelfth(BigDecimal yearly) {
        return yearly.divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
