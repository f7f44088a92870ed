package dk.kommunejob.agency;

import dk.kommunejob.client.Caller;
import dk.kommunejob.common.Versioned;
import dk.kommunejob.common.Versions;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.sync.ChangeEvents;
import dk.kommunejob.sync.ChangeEvents.Shown;
import dk.kommunejob.tenancy.Access;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Agencies. Reads are one statement each, so they join a caller's transaction but start none; writes are the
 * operator's, and a rename tells the change feed about the agency's postings.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class AgencyService {

    @Inject
    Access access;

    @Inject
    ChangeEvents events;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Transactional
    public Versioned<AgencyView> create(Caller caller, AgencyInput in) {
        access.operate(caller);
        Agency agency = new Agency(unique(in.name(), 0L), in.website());
        agency.version = 1;
        agency.persist();
        return new Versioned<>(AgencyView.of(agency), agency.version);
    }

    @Transactional
    public Optional<Versioned<AgencyInput>> editable(Caller caller, long id) {
        access.operate(caller);
        return Agency.<Agency>findByIdOptional(id)
                .map(a -> new Versioned<>(new AgencyInput(a.name, a.website), a.version));
    }

    @Transactional
    public Optional<Versioned<AgencyView>> replace(Caller caller, long id, String ifMatch, AgencyInput in) {
        access.operate(caller);
        return Optional.ofNullable(em.find(Agency.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(a -> {
                    Versions.check(a.version, ifMatch);
                    String name = unique(in.name(), a.id);
                    if (!name.equals(a.name) || !Objects.equals(in.website(), a.website)) {
                        boolean renamed = !name.equals(a.name);
                        a.name = name;
                        a.website = in.website();
                        a.version++;
                        if (renamed) {
                            events.postingsShowing(Shown.AGENCY, a.id, OffsetDateTime.now(clock));
                        }
                    }
                    return new Versioned<>(AgencyView.of(a), a.version);
                });
    }

    private static String unique(String name, long id) {
        String stripped = name.strip();
        if (Agency.count("lower(name) = lower(?1) and id <> ?2", stripped, id) > 0) {
            throw Problems.conflict(Messages.text("problem.conflict.agency-name", stripped));
        }
        return stripped;
    }

    public List<AgencyView> list() {
        return Agency.<Agency>listAll(Sort.by("name")).stream()
                .map(AgencyView::of)
                .toList();
    }

    public boolean exists(long id) {
        return Agency.count("id", id) > 0;
    }
}
