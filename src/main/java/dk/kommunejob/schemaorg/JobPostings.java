package dk.kommunejob.schemaorg;

import dk.kommunejob.common.PublicLinks;
import dk.kommunejob.common.SafeHtml;
import dk.kommunejob.language.Messages;
import dk.kommunejob.organisation.EmployerProfile;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A published posting as a schema.org JobPosting. */
@ApplicationScoped
public class JobPostings {

    public static final String MEDIA_TYPE = "application/ld+json";

    /** An amount in kroner: "45.000 kr.", "kr. 45.000", "DKK 540000". */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?:(?:kr\\.?|DKK)\\s*(\\d{1,3}(?:\\.\\d{3})+|\\d{3,}))|(?:(\\d{1,3}(?:\\.\\d{3})+|\\d{3,})(?:,\\d{2})?\\s*(?:kr|DKK))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Map<Pattern, String> PERIODS = new LinkedHashMap<>();

    static {
        PERIODS.put(
                Pattern.compile("(pr\\.?|om|per|i)\\s*(måned|md)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                "MONTH");
        PERIODS.put(
                Pattern.compile(
                        "(pr\\.?|om|per|i)\\s*(år\\b|året)|årlig|årsløn",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                "YEAR");
        PERIODS.put(
                Pattern.compile("(pr\\.?|per|i)\\s*time\\b|timeløn", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                "HOUR");
    }

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
                salary(p.salary()).orElse(null),
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

    /** A salary only when the text states an amount and what period it is for; "efter forhandling" is none. */
    static Optional<MonetaryAmount> salary(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher amount = AMOUNT.matcher(text);
        if (!amount.find()) {
            return Optional.empty();
        }
        String digits = (amount.group(1) != null ? amount.group(1) : amount.group(2)).replace(".", "");
        return PERIODS.entrySet().stream()
                .filter(period -> period.getKey().matcher(text).find())
                .findFirst()
                .map(period -> new MonetaryAmount(
                        "MonetaryAmount",
                        "DKK",
                        new QuantitativeValue("QuantitativeValue", Long.parseLong(digits), period.getValue())));
    }
}
