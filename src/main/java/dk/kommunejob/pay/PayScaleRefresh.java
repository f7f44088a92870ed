package dk.kommunejob.pay;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Keeps what the pay filters and the facet read of a posting stated in steps (its monthly kroner) equal to the
 * pay scale in force: at start, when a new scale file may have been given, and after midnight, when a new
 * settlement's rates may have come into force. The public view reckons its `monthly` on every read; this is for
 * the columns the filters use. Every replica may do it; a second finds nothing left to change.
 */
@ApplicationScoped
public class PayScaleRefresh {

    private static final Logger LOG = Logger.getLogger(PayScaleRefresh.class);

    @Inject
    EntityManager em;

    @Inject
    PayTerms terms;

    void onStart(@Observes StartupEvent event) {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("The postings' pay in kroner was not reckoned again at start (%s); it is after midnight", e);
        }
    }

    @Scheduled(
            cron = "0 5 0 * * ?",
            timeZone = "Europe/Copenhagen",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void afterMidnight() {
        refresh();
    }

    /** How many postings' monthly kroner changed. */
    @Transactional
    public int refresh() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, pay::text, pay_monthly_min, pay_monthly_max FROM position WHERE pay -> 'steps' IS NOT NULL")
                .getResultList();
        int changed = 0;
        for (Object[] row : rows) {
            PayTerms.Derived derived = terms.derive(terms.read((String) row[1]));
            if (!same(derived.monthlyMin(), (BigDecimal) row[2]) || !same(derived.monthlyMax(), (BigDecimal) row[3])) {
                em.createNativeQuery(
                                "UPDATE position SET pay_monthly_min = :min, pay_monthly_max = :max WHERE id = :id")
                        .setParameter("min", derived.monthlyMin())
                        .setParameter("max", derived.monthlyMax())
                        .setParameter("id", ((Number) row[0]).longValue())
                        .executeUpdate();
                changed++;
            }
        }
        if (changed > 0) {
            LOG.infof("The pay of %d postings stated in steps reckoned again by the pay scale in force", changed);
        }
        return changed;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }
}
