package dk.kommunejob;

import dk.kommunejob.agency.Agency;
import dk.kommunejob.cache.DataVersion;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.contact.Contact;
import dk.kommunejob.organisation.Employer;
import dk.kommunejob.organisation.OrgUnit;
import dk.kommunejob.organisation.UnitLevel;
import dk.kommunejob.position.Position;
import dk.kommunejob.position.PositionStatus;
import dk.kommunejob.position.Section;
import dk.kommunejob.stage.Stage;
import dk.kommunejob.stage.StageKind;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.hibernate.query.NativeQuery;

/**
 * Each test makes its own employer, units and agency and filters by them, so tests never see each
 * other's data and can run in any order.
 */
public final class TestData {

    /** The test profile's JOBS_BOOTSTRAP_EDITOR_KEY: an admin's. */
    public static final String BOOTSTRAP_KEY = "test-bootstrap-editor-key";

    private TestData() {}

    /** A fresh employer: directorate → department → unit, a sibling department and an agency it engages. */
    public record Org(
            long employerId,
            long directorateId,
            long departmentId,
            long unitId,
            long otherDepartmentId,
            long agencyId) {}

    public static Org org() {
        return QuarkusTransaction.requiringNew().call(() -> {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            Employer employer = new Employer();
            employer.name = "Testkommune " + tag;
            employer.street = "Rådhuspladsen 1";
            employer.postalCode = "2620";
            employer.city = "Albertslund";
            employer.phone = "+4543686868";
            employer.persist();
            OrgUnit directorate = new OrgUnit(employer, null, "Børn & Unge " + tag, UnitLevel.directorate);
            directorate.persist();
            OrgUnit department = new OrgUnit(employer, directorate, "Skole " + tag, UnitLevel.department);
            department.persist();
            OrgUnit unit = new OrgUnit(employer, department, "Læring " + tag, UnitLevel.unit);
            unit.persist();
            OrgUnit other = new OrgUnit(employer, directorate, "Dagtilbud " + tag, UnitLevel.department);
            other.persist();
            Agency agency = new Agency("Bureau " + tag, "https://bureau.example");
            agency.persist();
            engage(employer.id, agency.id, LocalDate.now(Copenhagen.ZONE).minusDays(30), null);
            return new Org(employer.id, directorate.id, department.id, unit.id, other.id, agency.id);
        });
    }

    /**
     * A published position in the org's unit with a deadline ten days ahead; {@code customize} may
     * change anything (its unit by id through {@link #unit}).
     */
    public static Position position(Org org, Consumer<Position> customize) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Position p = new Position();
            p.title = "Lærer";
            p.slug = "test-" + UUID.randomUUID();
            p.employer = Employer.findById(org.employerId());
            p.unit = OrgUnit.findById(org.unitId());
            p.applicationDeadline =
                    Copenhagen.endOfDay(LocalDate.now(Copenhagen.ZONE).plusDays(10));
            p.applyUrl = "https://albertslund.dk/job";
            p.status = PositionStatus.published;
            p.publishedAt = OffsetDateTime.now().minusDays(1);
            p.createdAt = p.publishedAt;
            p.updatedAt = p.publishedAt;
            p.sections.add(new Section("Indledning", "En god arbejdsplads."));
            p.addContact(new Contact("Anne Jensen", "Skoleleder", "Testkommune", "+4520337091", null));
            p.addStage(new Stage(
                    StageKind.first_interview,
                    "1. samtaler",
                    LocalDate.now().plusDays(15),
                    null,
                    null,
                    "Rådhuset",
                    null));
            customize.accept(p);
            p.persist();
            return p;
        });
    }

    /** A complete create (PUT) body for a position in the org's unit. */
    public static String positionBody(Org org, String title, Long agencyId, LocalDate deadline) {
        return """
                {"title": "%s", "employerId": %d, "unitId": %d, %s
                 "reportsTo": "Afdelingschefen", "applicationDeadline": "%s",
                 "applyUrl": "https://albertslund.dk/job", "startDate": "%s",
                 "sections": [{"heading": "Indledning", "body": "Vi søger en leder."}],
                 "hiringCommittee": [{"name": "Nanna Bengtsson", "role": "enhedsleder"}],
                 "links": [{"title": "Skolepolitik", "url": "https://albertslund.dk/skolepolitik.pdf"}],
                 "contacts": [{"name": "Anne Jensen", "role": "Skoleleder", "phone": "20 33 70 91"}],
                 "stages": [{"kind": "first_interview", "label": "1. samtaler", "date": "%s",
                             "startTime": "09:00", "endTime": "14:00"}]}"""
                .formatted(
                        title,
                        org.employerId(),
                        org.unitId(),
                        agencyId == null ? "" : "\"agencyId\": %d,".formatted(agencyId),
                        deadline,
                        deadline.plusMonths(2),
                        deadline.plusDays(5));
    }

    /**
     * Waits until PostgreSQL's notifications of the commits made so far have arrived. Each moves the data
     * version, so an answer kept before one arrives is gone after it: a test that checks what is kept
     * waits for its setup's notifications first.
     */
    public static void notificationsArrived() {
        DataVersion version = Arc.container().instance(DataVersion.class).get();
        long seen = version.generation();
        while (true) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = version.generation();
            if (now == seen) {
                return;
            }
            seen = now;
        }
    }

    /** A Vary header naming exactly these fields, in any order. */
    public static Matcher<String> varyList(String... fields) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(String vary) {
                return Arrays.stream(vary.split(","))
                        .map(String::strip)
                        .collect(Collectors.toSet())
                        .equals(Set.of(fields));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("Vary of " + Arrays.toString(fields));
            }
        };
    }

    public static OrgUnit unit(long id) {
        return OrgUnit.findById(id);
    }

    public static Agency agency(long id) {
        return Agency.findById(id);
    }

    /** A JSON request with this API key; anonymous when the key is null. */
    public static RequestSpecification as(String key) {
        RequestSpecification spec = RestAssured.given().contentType("application/json");
        return key == null ? spec : spec.header("Authorization", "Bearer " + key);
    }

    /** A new editor client's key, for this employer. */
    public static String editorKey(long employerId, String name) {
        return newClient(
                """
                {"name": "%s", "role": "editor", "employerId": %d}""".formatted(name, employerId));
    }

    /** The employer engages the agency from {@code from} to {@code to} (null: open-ended), written as SQL would. */
    public static void engage(long employerId, long agencyId, LocalDate from, LocalDate to) {
        QuarkusTransaction.joiningExisting().run(() -> ((NativeQuery<?>)
                        Employer.getEntityManager()
                                .createNativeQuery(
                                        """
                        INSERT INTO engagement (employer_id, agency_id, starts_on, ends_on, created_at)
                        VALUES (:employer, :agency, :from, :to, now())"""))
                .setParameter("employer", employerId)
                .setParameter("agency", agencyId)
                .setParameter("from", from)
                .setParameter("to", to, LocalDate.class)
                .executeUpdate());
    }

    /** A new agency client's key. */
    public static String agencyKey(long agencyId, String name) {
        return newClient(
                """
                {"name": "%s", "role": "agency", "agencyId": %d}""".formatted(name, agencyId));
    }

    private static String newClient(String body) {
        return as(BOOTSTRAP_KEY)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }
}
