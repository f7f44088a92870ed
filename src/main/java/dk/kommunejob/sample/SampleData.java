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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A sandbox for the website team and the agencies: the employer with its values and units, the two
 * agencies and the three seed postings, plus synthetic open postings. Only into an empty database.
 */
@ApplicationScoped
public class SampleData {

    private static final Logger LOG = Logger.getLogger(SampleData.class);
    private static final String FILE = "sample/albertslund.json";

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
        boolean loaded = QuarkusTransaction.requiringNew().call(() -> {
            if (Employer.count() > 0) {
                return false;
            }
            loadSeeds();
            return true;
        });
        if (!loaded) {
            LOG.info("Sample data not loaded: the database already holds data");
            return;
        }
        long started = System.nanoTime();
        synthetic.generate(config.samplePositions());
        LOG.infof(
                "Sample data loaded: 3 seed postings and %d synthetic ones (%d ms)",
                config.samplePositions(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Persists the seed file's employer, units, agencies and postings in the caller's transaction. */
    void loadSeeds() {
        SampleFile file = read();
        var e = file.employer();
        Employer employer = new Employer();
        employer.name = e.name();
        employer.street = e.street();
        employer.postalCode = e.postalCode();
        employer.city = e.city();
        employer.phone = Phones.toE164(e.phone());
        employer.website = e.website();
        employer.logoUrl = e.logo();
        employer.about = e.about();
        e.values().forEach(v -> employer.values.add(new EmployerValue(v.name(), v.values(), v.behaviour())));
        employer.persist();

        Map<String, OrgUnit> units = new HashMap<>();
        persistUnits(employer, null, e.units(), units);
        Map<String, Agency> agencies = new HashMap<>();
        file.agencies().forEach(a -> {
            Agency agency = new Agency(a.name(), a.website());
            agency.persist();
            agencies.put(a.name(), agency);
        });
        List<Long> ids = file.positions().stream()
                .map(p -> {
                    Position position = toPosition(p, employer, units, agencies);
                    position.persist();
                    return position.id;
                })
                .toList();
        events.announceLoaded(ids);
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

    private static Position toPosition(
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
        p.salary = d.salary();
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

    private SampleFile read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FILE)) {
            return json.readValue(in, SampleFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }
}
