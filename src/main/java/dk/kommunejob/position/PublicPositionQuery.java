package dk.kommunejob.position;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.Phones;
import dk.kommunejob.common.Ref;
import dk.kommunejob.contact.ContactView;
import dk.kommunejob.input.StrictJson;
import dk.kommunejob.pay.Pay;
import dk.kommunejob.pay.PayTerms;
import dk.kommunejob.position.PositionDetail.CommitteeMemberView;
import dk.kommunejob.position.PositionDetail.DeadlineChangeView;
import dk.kommunejob.position.PositionDetail.LinkView;
import dk.kommunejob.position.PositionDetail.SectionView;
import dk.kommunejob.stage.StageKind;
import dk.kommunejob.stage.StageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * A published posting as the public sees it, in one statement: PostgreSQL gathers the unit's path
 * and the posting's lists (sections, committee, links, deadline changes, contacts, stages) as JSON
 * beside its columns, where loading the entity would take a statement for each.
 */
@ApplicationScoped
class PublicPositionQuery {

    private static final String DETAIL =
            """
            SELECT p.id, p.slug, p.title, p.reports_to, p.employment_terms, p.working_hours, p.salary, p.pension, p.hours,
                   p.pay::text AS pay,
                   p.start_date, p.start_text, p.application_deadline, p.apply_url, p.published_at, p.updated_at,
                   p.closed_at, e.id AS employer_id, e.name AS employer_name, a.id AS agency_id, a.name AS agency_name,
              (WITH RECURSIVE up(id, name, parent_id, depth) AS (
                   SELECT u.id, u.name, u.parent_id, 0 FROM org_unit u WHERE u.id = p.unit_id
                   UNION ALL SELECT u.id, u.name, u.parent_id, up.depth + 1 FROM org_unit u JOIN up ON u.id = up.parent_id)
               SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY depth DESC) FROM up) AS unit_path,
              (SELECT json_agg(json_build_object('heading', s.heading, 'body', s.body) ORDER BY s.ord)
               FROM position_section s WHERE s.position_id = p.id) AS sections,
              (SELECT json_agg(json_build_object('name', m.name, 'role', m.role) ORDER BY m.ord)
               FROM committee_member m WHERE m.position_id = p.id) AS committee,
              (SELECT json_agg(json_build_object('title', l.title, 'url', l.url) ORDER BY l.ord)
               FROM position_link l WHERE l.position_id = p.id) AS links,
              (SELECT json_agg(json_build_object('previousDeadline', d.previous_deadline, 'newDeadline', d.new_deadline,
                                                 'changedAt', d.changed_at) ORDER BY d.ord)
               FROM deadline_change d WHERE d.position_id = p.id) AS deadline_changes,
              (SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'role', c.role, 'organisation', c.organisation,
                                                 'phone', c.phone, 'email', c.email) ORDER BY c.ord)
               FROM contact c WHERE c.position_id = p.id) AS contacts,
              (SELECT json_agg(json_build_object('id', t.id, 'kind', t.kind, 'label', t.label, 'date', t.date,
                                                 'startTime', t.start_time, 'endTime', t.end_time, 'location', t.location,
                                                 'note', t.note) ORDER BY t.ord)
               FROM stage t WHERE t.position_id = p.id) AS stages
            FROM position p JOIN employer e ON e.id = p.employer_id LEFT JOIN agency a ON a.id = p.agency_id
            WHERE p.status = 'published' AND """;

    private record SectionRow(String heading, String body) {}

    private record ContactRow(long id, String name, String role, String organisation, String phone, String email) {}

    private record StageRow(
            long id,
            StageKind kind,
            String label,
            LocalDate date,
            LocalTime startTime,
            LocalTime endTime,
            String location,
            String note) {}

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    PayTerms payTerms;

    /** By id when the key is all digits, by slug otherwise. */
    Optional<PositionDetail> find(Long id, String slug, OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = em.createNativeQuery(DETAIL + (id != null ? " p.id = :key" : " p.slug = :key"))
                .unwrap(NativeQuery.class);
        for (String column : List.of(
                "id", "slug", "title", "reports_to", "employment_terms", "working_hours", "salary", "pension")) {
            query.addScalar(column, column.equals("id") ? StandardBasicTypes.LONG : StandardBasicTypes.STRING);
        }
        query.addScalar("start_date", StandardBasicTypes.LOCAL_DATE)
                .addScalar("start_text", StandardBasicTypes.STRING)
                .addScalar("application_deadline", StandardBasicTypes.OFFSET_DATE_TIME)
                .addScalar("apply_url", StandardBasicTypes.STRING)
                .addScalar("published_at", StandardBasicTypes.OFFSET_DATE_TIME)
                .addScalar("updated_at", StandardBasicTypes.OFFSET_DATE_TIME)
                .addScalar("closed_at", StandardBasicTypes.OFFSET_DATE_TIME)
                .addScalar("employer_id", StandardBasicTypes.LONG)
                .addScalar("employer_name", StandardBasicTypes.STRING)
                .addScalar("agency_id", StandardBasicTypes.LONG)
                .addScalar("agency_name", StandardBasicTypes.STRING);
        for (String column :
                List.of("unit_path", "sections", "committee", "links", "deadline_changes", "contacts", "stages")) {
            query.addScalar(column, StandardBasicTypes.STRING);
        }
        query.addScalar("hours", StandardBasicTypes.STRING);
        query.addScalar("pay", StandardBasicTypes.STRING);
        query.setParameter("key", id != null ? id : slug);
        return query.getResultStream().findFirst().map(row -> detail(row, now));
    }

    private PositionDetail detail(Object[] row, OffsetDateTime now) {
        OffsetDateTime deadline = (OffsetDateTime) row[10];
        List<Ref> unitPath = list((String) row[19], new TypeReference<>() {});
        PublicStatus status = Position.isOpen(PositionStatus.published, (OffsetDateTime) row[14], deadline, now)
                ? PublicStatus.open
                : PublicStatus.closed;
        Hours hours = Hours.of((String) row[26]);
        Pay pay = payTerms.view(payTerms.read((String) row[27]));
        return new PositionDetail(
                (Long) row[0],
                (String) row[1],
                (String) row[2],
                status,
                status.label(),
                PositionStatus.published,
                new Ref((Long) row[15], (String) row[16]),
                unitPath.get(unitPath.size() - 1),
                unitPath,
                row[17] == null ? null : new Ref((Long) row[17], (String) row[18]),
                (String) row[3],
                (String) row[4],
                (String) row[5],
                hours,
                hours == null ? null : hours.label(),
                pay.text(),
                pay,
                (String) row[7],
                (LocalDate) row[8],
                (String) row[9],
                Copenhagen.local(deadline),
                (String) row[11],
                Copenhagen.local((OffsetDateTime) row[12]),
                Copenhagen.local((OffsetDateTime) row[13]),
                list((String) row[20], new TypeReference<List<SectionRow>>() {}).stream()
                        .map(section -> SectionView.of(section.heading(), section.body()))
                        .toList(),
                list((String) row[21], new TypeReference<List<CommitteeMemberView>>() {}),
                list((String) row[22], new TypeReference<List<LinkView>>() {}),
                list((String) row[23], new TypeReference<List<DeadlineChangeView>>() {}).stream()
                        .map(d -> new DeadlineChangeView(
                                Copenhagen.local(d.previousDeadline()),
                                Copenhagen.local(d.newDeadline()),
                                Copenhagen.local(d.changedAt())))
                        .toList(),
                list((String) row[24], new TypeReference<List<ContactRow>>() {}).stream()
                        .map(c -> new ContactView(
                                c.id(),
                                c.name(),
                                c.role(),
                                c.organisation(),
                                c.phone(),
                                Phones.display(c.phone()),
                                c.email()))
                        .toList(),
                list((String) row[25], new TypeReference<List<StageRow>>() {}).stream()
                        .map(s -> new StageView(
                                s.id(),
                                s.kind(),
                                s.label(),
                                s.date(),
                                s.startTime(),
                                s.endTime(),
                                s.location(),
                                s.note()))
                        .toList());
    }

    /** A JSON array PostgreSQL aggregated; none at all (null) is an empty list. */
    private <T> List<T> list(String array, TypeReference<List<T>> type) {
        if (array == null) {
            return List.of();
        }
        try {
            return StrictJson.stored(json.readerFor(type)).readValue(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL's json_agg is JSON", e);
        }
    }
}
