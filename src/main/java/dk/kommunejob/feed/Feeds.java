package dk.kommunejob.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.PublicLinks;
import dk.kommunejob.language.Language;
import dk.kommunejob.language.Messages;
import dk.kommunejob.position.PositionCriteria;
import dk.kommunejob.position.PositionService;
import dk.kommunejob.position.PositionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * RSS 2.0 and Atom feeds of open positions, written by Rome. The document depends only on the data
 * (no build time in it), so its ETag changes only when a posting does.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class Feeds {

    static final int SIZE = 50;
    static final int EXCERPT = 300;

    static final String RSS_EXAMPLE =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Ledige stillinger</title><link>https://job.albertslund.dk/api/v1/positions</link>
            <description>Stillinger, der er åbne for ansøgninger, nyeste først.</description><language>da</language>
            <item><title>Afdelingschef for Dagtilbud &amp; Skole</title>
            <link>https://albertslund.dk/job/afdelingschef-for-dagtilbud-og-skole</link>
            <description>Ansøgningsfrist: 25. maj 2025 kl. 23:59. Dagtilbud &amp; Skole. Albertslund Kommune søger ...</description>
            <category>Dagtilbud &amp; Skole</category><pubDate>Mon, 28 Apr 2025 07:00:00 GMT</pubDate>
            <guid isPermaLink="false">tag:kommunejob.dk,2026:position:101</guid></item></channel></rss>""";

    static final String ATOM_EXAMPLE =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Ledige stillinger</title>
            <link rel="alternate" href="https://job.albertslund.dk/api/v1/positions"/>
            <id>https://job.albertslund.dk/api/v1/feeds/positions.atom</id><updated>2025-04-28T07:00:00Z</updated>
            <entry><title>Afdelingschef for Dagtilbud &amp; Skole</title>
            <link rel="alternate" href="https://albertslund.dk/job/afdelingschef-for-dagtilbud-og-skole"/>
            <category term="Dagtilbud &amp; Skole"/><id>tag:kommunejob.dk,2026:position:101</id>
            <updated>2025-04-28T07:00:00Z</updated><published>2025-04-28T07:00:00Z</published>
            <summary>Ansøgningsfrist: 25. maj 2025 kl. 23:59. Dagtilbud &amp; Skole. Albertslund Kommune søger ...</summary>
            </entry></feed>""";

    enum Format {
        RSS("rss_2.0", "/api/v1/feeds/positions.rss"),
        ATOM("atom_1.0", "/api/v1/feeds/positions.atom");

        final String rome;
        final String path;

        Format(String rome, String path) {
            this.rome = rome;
            this.path = path;
        }
    }

    @Inject
    PositionService positions;

    @Inject
    EntityManager em;

    @Inject
    PublicLinks links;

    @Inject
    Clock clock;

    /** A stable name for a posting, whatever page it is read at: an entry's guid (RSS) and id (Atom). */
    public static String entryId(long positionId) {
        return "tag:kommunejob.dk,2026:position:" + positionId;
    }

    String write(Format format, PositionCriteria criteria, String query) {
        List<PositionSummary> items = positions.items(criteria);
        Map<Long, String> openings = openings(items);

        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.rome);
        feed.setTitle(Messages.text("feed.title"));
        feed.setDescription(Messages.text("feed.description"));
        feed.setLanguage(Language.current().name());
        String self = links.api(format.path + (query == null || query.isEmpty() ? "" : "?" + query));
        feed.setLink(links.api("/api/v1/positions"));
        feed.setUri(self);
        feed.setLinks(List.of(link("alternate", links.api("/api/v1/positions")), link("self", self)));
        // The feed changed when its newest change did; an empty feed, at the start of the day.
        feed.setPublishedDate(date(items.stream()
                .map(PositionSummary::updatedAt)
                .max(Comparator.naturalOrder())
                .orElseGet(() -> Copenhagen.startOfDay(Copenhagen.today(clock)))));
        DateTimeFormatter when =
                DateTimeFormatter.ofPattern(Messages.text("format.date-time"), Language.current().locale);
        feed.setEntries(
                items.stream().map(p -> entry(p, openings.get(p.id()), when)).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome writes the feeds it is given", e);
        }
    }

    private SyndEntry entry(PositionSummary p, String opening, DateTimeFormatter when) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(p.title());
        entry.setLink(links.posting(p.employer().id(), p.slug()));
        entry.setUri(entryId(p.id()));
        entry.setPublishedDate(date(p.publishedAt()));
        entry.setUpdatedDate(date(p.updatedAt()));
        SyndCategory unit = new SyndCategoryImpl();
        unit.setName(p.unit().name());
        entry.setCategories(List.of(unit));
        SyndContent description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(Messages.text(
                        "feed.entry",
                        when.format(p.applicationDeadline()),
                        p.unit().name())
                + (p.pay().summary() == null
                        ? ""
                        : " " + Messages.text("feed.pay", p.pay().summary()))
                + (opening == null ? "" : " " + excerpt(opening)));
        entry.setDescription(description);
        return entry;
    }

    /** Each posting's first section: where its excerpt comes from. */
    private Map<Long, String> openings(List<PositionSummary> items) {
        if (items.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        SELECT DISTINCT ON (s.position_id) s.position_id AS id, s.body AS opening
                        FROM position_section s WHERE s.position_id = ANY(:ids) ORDER BY s.position_id, s.ord""")
                .unwrap(NativeQuery.class)
                .addScalar("id", StandardBasicTypes.LONG)
                .addScalar("opening", StandardBasicTypes.STRING)
                .setParameter(
                        "ids", items.stream().mapToLong(PositionSummary::id).toArray())
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (String) r[1]));
    }

    /** The opening of the text, without markup, cut at a word near {@link #EXCERPT} characters. */
    static String excerpt(String text) {
        String plain = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        if (plain.length() <= EXCERPT) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', EXCERPT);
        return plain.substring(0, cut > 0 ? cut : EXCERPT) + " …";
    }

    private static SyndLink link(String rel, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        return link;
    }

    private static Date date(OffsetDateTime time) {
        return Date.from(time.toInstant());
    }
}
