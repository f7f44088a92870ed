package dk.kommunejob.schemaorg;

import dk.kommunejob.common.PublicLinks;
import dk.kommunejob.common.SafeHtml;
import dk.kommunejob.language.Messages;
import dk.kommunejob.organisation.EmployerProfile;
import dk.kommunejob.pay.Pay;
import dk.kommunejob.pay.PayInput;
import dk.kommunejob.position.Hours;
import dk.kommunejob.position.PositionDetail;
import dk.kommunejob.schemaorg.JobPosting.MonetaryAmount;
import dk.kommunejob.schemaorg.JobPosting.Organization;
import dk.kommunejob.schemaorg.JobPosting.Place;
import dk.kommunejob.schemaorg.JobPosting.PostalAddress;
import dk.kommunejob.schemaorg.JobPosting.PropertyValue;
import dk.kommunejob.schemaorg.JobPosting.QuantitativeValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A published posting as a schema.org JobPosting. */
@ApplicationScoped
public class JobPostings {

    public static final String MEDIA_TYPE = "application/ld+json";

    @Inject
    PublicLinks links;

    public JobPosting of(PositionDetail p, EmployerProfile employer) {
        return new JobPosting(
                "https://schema.org",
                "JobPosting",
                p.title(),
                description(p),
                p.publishedAt(),
                p.applicationDeadline(),
                p.hours() == null ? null : List.of(p.hours() == Hours.full_time ? "FULL_TIME" : "PART_TIME"),
                new Organization("Organization", employer.name(), employer.website(), employer.logo()),
                new Place(
                        "Place",
                        new PostalAddress(
                                "PostalAddress",
                                employer.address().street(),
                                employer.address().postalCode(),
                                employer.address().city(),
                                "DK")),
                new PropertyValue("PropertyValue", employer.name(), String.valueOf(p.id())),
                false,
                baseSalary(p.pay()).orElse(null),
                links.posting(p.employer().id(), p.slug()));
    }

    /** The sections under their headings, then the terms the posting states. */
    private static String description(PositionDetail p) {
        StringBuilder html = new StringBuilder();
        for (PositionDetail.SectionView section : p.sections()) {
            html.append("<h2>")
                    .append(SafeHtml.text(section.heading()))
                    .append("</h2>")
                    .append(section.html());
        }
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("term.reports-to", p.reportsTo());
        terms.put("term.working-hours", p.workingHours());
        terms.put("term.employment-terms", p.employmentTerms());
        terms.put("term.salary", p.salary());
        terms.put("term.pension", p.pension());
        terms.put(
                "term.start",
                p.startText() != null
                        ? p.startText()
                        : p.startDate() == null ? null : p.startDate().toString());
        terms.values().removeIf(v -> v == null || v.isBlank());
        if (!terms.isEmpty()) {
            html.append("<ul>");
            terms.forEach((key, value) -> html.append("<li><strong>")
                    .append(SafeHtml.text(Messages.text(key)))
                    .append(":</strong> ")
                    .append(SafeHtml.text(value))
                    .append("</li>"));
            html.append("</ul>");
        }
        return html.toString();
    }

    /**
     * The starting pay, only when the posting states a range in structure: its amount as written, or the monthly
     * kroner its steps come to by the pay scale in force. "Efter forhandling" is none: nothing is guessed from text.
     */
    static Optional<MonetaryAmount> baseSalary(Pay pay) {
        if (pay.amount() != null) {
            PayInput.Amount a = pay.amount();
            return Optional.of(
                    amount(a.currency(), a.min(), a.max(), a.period().name().toUpperCase(Locale.ROOT)));
        }
        if (pay.monthly() != null) {
            return Optional.of(amount("DKK", pay.monthly().min(), pay.monthly().max(), "MONTH"));
        }
        return Optional.empty();
    }

    private static MonetaryAmount amount(String currency, BigDecimal min, BigDecimal max, String unit) {
        boolean single = min == null || max == null || min.compareTo(max) == 0;
        return new MonetaryAmount(
                "MonetaryAmount",
                currency,
                new QuantitativeValue(
                        "QuantitativeValue",
                        single ? (min != null ? min : max) : null,
                        single ? null : min,
                        single ? null : max,
                        unit));
    }
}
