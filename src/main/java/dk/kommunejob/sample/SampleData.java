package dk.kommunejob.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kommunejob.agency.Agency;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.common.Phones;
import dk.kommunejob.contact.Contact;
import dk.kommunejob.organisation.Employer;
import dk.kommunejob.organisation.EmployerValue;
import dk.kommunejob.organisation.OrgUnit;
import dk.kommunejob.pay.PayTerms;
import dk.kommunejob.position.CommitteeMember;
import dk.kommunejob.position.Link;
import dk.kommunejob.position.Position;
import dk.kommunejob.position.PositionStatus;
import dk.kommunejob.position.Section;
import dk.kommunejob.sample.SampleFile.PositionData;
import dk.kommunejob.sample.SampleFile.UnitData;
import dk.kommunejob.stage.Stage;
import dk.kommunejob.sync.ChangeEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A sandbox for the website team and the agencies: Albertslund Kommune with its values and units, the two
 * agencies and the three seed postings, and a plainly made-up second employer, each with synthetic open postings
 * and its engagements of the agencies. Only into an empty database.
 */
@ApplicationScoped
public class SampleData {

    @Inject
    PayTerms payTerms;

    private static final Logger LOG = Logger.getLogger(SampleData.class);
    private static final List<String> FILES = List.of("sample/albertslund.json", "sample/eksempelkommune.json");
    /** The made-up employer's share of the synthetic postings: enough to see two employers side by side. */
    private static final int SECOND_EMPLOYER_SHARE = 10;

    @Inject
    EntityManager em;

    @Inject
    JobsConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    SyntheticPositions synthetic;

    @Inject
    ChangeEvents events;

    void onStart(@Observes StartupEvent event) {
        if (!config.sampleData()) {
            return;
        }
        List<Long> employers = QuarkusTransaction.requiringNew().call(() -> {
            if (Employer.count() > 0) {
                return List.of();
            }
            return loadSeeds();
        });
        if (employers.isEmpty()) {
            LOG.info("Sample data not loaded: the database already holds data");
            return;
        }
        long started = System.nanoTime();
        int second = config.samplePositions() / SECOND_EMPLOYER_SHARE;
        synthetic.generate(employers.get(0), config.samplePositions() - second);
        synthetic.generate(employers.get(1), second);
        LOG.infof(
                "Sample data loaded: 3 seed postings and %d synthetic ones of %d employers (%d ms)",
                config.samplePositions(), employers.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Persists the sample files' employers, units, agencies, postings and engagements in the caller's
     * transaction; the employers' ids, in the files' order.
     */
    List<Long> loadSeeds() {
        Map<String, Agency> agencies = new HashMap<>();
        List<Long> employers = new ArrayList<>();
        for (String name : FILES) {
            SampleFile file = read(name);
            file.agencies().forEach(a -> {
                Agency agency = new Agency(a.name(), a.website());
                agency.persist();
                agencies.put(a.name(), agency);
            });
            Employer employer = employer(file.employer());
            Map<String, OrgUnit> units = new HashMap<>();
            persistUnits(employer, null, file.employer().units(), units);
            List<Long> ids = file.positions().stream()
                    .map(p -> {
                        Position position = toPosition(p, employer, units, agencies);
                        position.persist();
                        return position.id;
                    })
                    .toList();
            if (!ids.isEmpty()) {
                events.announceLoaded(ids);
            }
            em.flush();
            engage(employer, file.employer(), agencies);
            employers.add(employer.id);
        }
        return employers;
    }

    private static Employer employer(SampleFile.EmployerData e) {
        Employer employer = new Employer();
        employer.name = e.name();
        employer.street = e.street();
        employer.postalCode = e.postalCode();
        employer.city = e.city();
        employer.phone = Phones.toE164(e.phone());
        employer.website = e.website();
        employer.logoUrl = e.logo();
        employer.about = e.about();
        employer.postingPageUrl = e.postingPageUrl();
        if (e.websiteOrigins() != null) {
            employer.websiteOrigins = e.websiteOrigins().toArray(String[]::new);
        }
        e.values().forEach(v -> employer.values.add(new EmployerValue(v.name(), v.values(), v.behaviour())));
        employer.persist();
        return employer;
    }

    /** The employer engages, open-ended, the agencies it names and those of its postings (from the first one). */
    private void engage(Employer employer, SampleFile.EmployerData e, Map<String, Agency> agencies) {
        em.createNativeQuery(
                        """
                        INSERT INTO engagement (employer_id, agency_id, starts_on, created_at)
                        SELECT :employer, a.id, coalesce(min(p.published_at)::date, current_date), now()
                        FROM agency a LEFT JOIN position p ON p.agency_id = a.id AND p.employer_id = :employer
                        WHERE a.id IN (SELECT agency_id FROM position WHERE employer_id = :employer) OR a.id IN (:named)
                        GROUP BY a.id""")
                .setParameter("employer", employer.id)
                .setParameter(
                        "named",
                        e.engages() == null
                                ? List.of(-1L)
                                : e.engages().stream()
                                        .map(n -> agencies.get(n).id)
                                        .toList())
                .executeUpdate();
    }

    private static void persistUnits(
            Employer employer, OrgUnit parent, List<UnitData> data, Map<String, OrgUnit> byName) {
        if (data == null) {
            return;
        }
        for (UnitData d : data) {
            OrgUnit unit = new OrgUnit(employer, parent, d.name(), d.level());
            unit.persist();
            byName.put(d.name(), unit);
            persistUnits(employer, unit, d.children(), byName);
        }
    }

    private Position toPosition(
            PositionData d, Employer employer, Map<String, OrgUnit> units, Map<String, Agency> agencies) {
        Position p = new Position();
        p.slug = d.slug();
        p.employer = employer;
        p.unit = units.get(d.unit());
        p.agency = agencies.get(d.agency());
        p.title = d.title();
        p.reportsTo = d.reportsTo();
        p.employmentTerms = d.employmentTerms();
        p.workingHours = d.workingHours();
        p.pay(PayTerms.normalise(d.pay(), d.salary()), payTerms);
        p.pension = d.pension();
        p.startDate = d.startDate();
        p.startText = d.startText();
        p.applicationDeadline = Copenhagen.endOfDay(d.applicationDeadline());
        p.applyUrl = d.applyUrl();
        p.status = PositionStatus.published;
        p.publishedAt = d.publishedAt();
        p.createdAt = d.publishedAt();
        p.updatedAt = d.publishedAt();
        d.sections().forEach(s -> p.sections.add(new Section(s.heading(), s.body())));
        d.hiringCommittee().forEach(m -> p.hiringCommittee.add(new CommitteeMember(m.name(), m.role())));
        d.links().forEach(l -> p.links.add(new Link(l.title(), l.url())));
        d.contacts()
                .forEach(c -> p.addContact(
                        new Contact(c.name(), c.role(), c.organisation(), Phones.toE164(c.phone()), c.email())));
        d.stages()
                .forEach(s -> p.addStage(
                        new Stage(s.kind(), s.label(), s.date(), s.startTime(), s.endTime(), s.location(), s.note())));
        return p;
    }

    private SampleFile read(String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            return json.readValue(in, SampleFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
