package dk.kommunejob.position;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.kommunejob.agency.Agency;
import dk.kommunejob.checks.Checks;
import dk.kommunejob.checks.Finding;
import dk.kommunejob.checks.PostingChecks;
import dk.kommunejob.client.ApiClient;
import dk.kommunejob.client.Caller;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.Ref;
import dk.kommunejob.common.Slugs;
import dk.kommunejob.common.Versioned;
import dk.kommunejob.common.Versions;
import dk.kommunejob.contact.Contact;
import dk.kommunejob.input.StrictJson;
import dk.kommunejob.language.Messages;
import dk.kommunejob.organisation.Employer;
import dk.kommunejob.organisation.OrgUnit;
import dk.kommunejob.pay.PayTerms;
import dk.kommunejob.pay.PayTransparency;
import dk.kommunejob.position.PositionInput.StageInput;
import dk.kommunejob.problem.ProblemTypes;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.stage.Stage;
import dk.kommunejob.sync.ChangeEvents;
import dk.kommunejob.sync.ChangeKind;
import dk.kommunejob.tenancy.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Writes to positions: create, replace, and the publication life cycle. Every write is recorded. */
@ApplicationScoped
@Transactional
public class PositionWriter {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    ChangeEvents events;

    @Inject
    Access access;

    @Inject
    PayTerms payTerms;

    @Inject
    PostingChecks checks;

    public Versioned<PositionDetail> create(Caller caller, PositionInput input) {
        return create(caller, input, null);
    }

    private Versioned<PositionDetail> create(Caller caller, PositionInput input, String externalRef) {
        PositionInput normalised = PositionInputs.normalise(caller, input);
        access.createPosting(caller, normalised.employerId(), normalised.agencyId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Position p = new Position();
        p.externalRef = externalRef;
        p.slug = "draft-" + UUID.randomUUID();
        p.status = PositionStatus.draft;
        p.createdAt = now;
        p.createdBy = ApiClient.findById(caller.clientId());
        apply(p, normalised, caller, now);
        p.persist();
        // The slug carries the id, which exists only now.
        p.slug = Slugs.of(p.title) + "-" + p.id;
        record(p, caller, now, "created", Map.of());
        events.emit(p.id, agencyId(p), ChangeKind.created, false, now);
        return written(p);
    }

    /** The answer to an agency's sync: the position, and whether this request created it. */
    public record Synced(Versioned<PositionDetail> written, boolean created) {}

    /**
     * Creates or replaces the agency's position with this reference of its own. Repeating a request
     * changes nothing: same version, no change event. Empty when there is no such agency.
     */
    public Optional<Synced> sync(Caller caller, long agencyId, String externalRef, PositionInput input) {
        access.agencySync(caller, agencyId);
        if (Agency.findById(agencyId) == null) {
            return Optional.empty();
        }
        if (input.agencyId() != null && input.agencyId() != agencyId) {
            throw Problems.badField("agencyId", Messages.text("problem.field.path-agency", agencyId));
        }
        PositionInput forAgency = input.withAgency(agencyId);
        Optional<Position> existing = em.createQuery(
                        "select p from Position p where p.agency.id = :agency and p.externalRef = :ref", Position.class)
                .setParameter("agency", agencyId)
                .setParameter("ref", externalRef)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
        return Optional.of(existing.map(p -> new Synced(replaceWith(authorised(caller, p), caller, forAgency), false))
                .orElseGet(() -> new Synced(create(caller, forAgency, externalRef), true)));
    }

    /** The position as its writers see it, drafts included; empty when the caller may not see it. */
    /** The editable fields as PUT takes them, so a writer can change one and send them back. */
    public Optional<Versioned<PositionInput>> editable(Caller caller, long id) {
        return visible(caller, id)
                .map(p -> new Versioned<>(PositionInputs.toInput(p, payTerms.read(p.pay)), p.version));
    }

    /** Who changed the position, what and when, oldest first. */
    public Optional<List<HistoryEntry>> history(Caller caller, long id) {
        return visible(caller, id)
                .map(p -> PositionChange.<PositionChange>find("position = ?1 order by at, id", p).stream()
                        .map(c -> new HistoryEntry(
                                Copenhagen.local(c.at),
                                new Ref(c.client.id, c.client.name),
                                c.action,
                                readTree(c.changes)))
                        .toList());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readTree(String text) {
        try {
            return StrictJson.stored(json.readerFor(Map.class)).readValue(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored changes are JSON", e);
        }
    }

    /** Full replace of the editable fields, if the caller holds the current version. */
    public Optional<Versioned<PositionDetail>> replace(Caller caller, long id, String ifMatch, PositionInput input) {
        return locked(caller, id).map(p -> {
            checkVersion(p, ifMatch);
            return replaceWith(p, caller, input);
        });
    }

    /** RFC 7396: the patch is merged into the editable fields, and the result must be a valid position. */
    public Optional<Versioned<PositionDetail>> patch(Caller caller, long id, String ifMatch, byte[] mergePatch) {
        return locked(caller, id).map(p -> {
            checkVersion(p, ifMatch);
            JsonValue patch = mergePatch(mergePatch);
            JsonValue current = Json.createReader(
                            new StringReader(json.valueToTree(PositionInputs.toInput(p, payTerms.read(p.pay)))
                                    .toString()))
                    .readValue();
            PositionInput patched;
            try {
                patched = json.readValue(
                        Json.createMergePatch(patch).apply(current).toString(), PositionInput.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // The merged result is read like a request body, and its errors are named the same way.
                throw ProblemTypes.jsonProblem(e);
            }
            Set<ConstraintViolation<PositionInput>> violations = validator.validate(patched);
            if (!violations.isEmpty()) {
                throw Problems.badFields(
                        Messages.text("problem.body.patched-invalid"),
                        violations.stream()
                                .collect(Collectors.toMap(
                                        v -> v.getPropertyPath().toString(),
                                        ConstraintViolation::getMessage,
                                        (a, b) -> a + "; " + b)));
            }
            return replaceWith(p, caller, patched);
        });
    }

    /**
     * The patch, read by the same JSON reader as every body (its limits on depth and size, no field
     * twice), then handed to JSON-P to merge. A patch of the editable fields is an object: any
     * other value would replace them all.
     */
    private JsonValue mergePatch(byte[] body) {
        JsonNode patch;
        try {
            patch = json.readTree(body);
        } catch (IOException e) {
            throw Problems.badBody(Messages.text("problem.body.merge-patch", e.getMessage()));
        }
        if (patch == null || !patch.isObject()) {
            throw Problems.badBody(Messages.text("problem.body.merge-patch-object"));
        }
        // `salary` is pay.text's old name: a patch of it patches that.
        if (patch.has("salary") && !patch.path("pay").has("text")) {
            JsonNode salary = ((ObjectNode) patch).remove("salary");
            JsonNode pay = patch.path("pay");
            if (pay.isObject()) {
                ((ObjectNode) pay).set("text", salary);
            } else if (pay.isMissingNode()) {
                ((ObjectNode) patch).putObject("pay").set("text", salary);
            }
        }
        return Json.createReader(new StringReader(patch.toString())).readValue();
    }

    private Versioned<PositionDetail> replaceWith(Position p, Caller caller, PositionInput input) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        PositionInput normalised = PositionInputs.normalise(caller, input);
        // A change may move the posting to another employer or agency: the caller must be allowed there too.
        access.createPosting(caller, normalised.employerId(), normalised.agencyId());
        PositionInput before = PositionInputs.toInput(p, payTerms.read(p.pay));
        if (!normalised.equals(before)) {
            OffsetDateTime previousDeadline = p.applicationDeadline;
            apply(p, normalised, caller, now);
            boolean extended = keepDeadlineExtension(p, previousDeadline, now);
            record(p, caller, now, "updated", diff(before, normalised));
            boolean published = p.status == PositionStatus.published;
            events.emit(p.id, agencyId(p), ChangeKind.updated, published, now);
            if (published && extended) {
                events.emit(p.id, agencyId(p), ChangeKind.deadline_extended, true, now);
            }
            if (published && stagesMoved(before.stages(), normalised.stages())) {
                events.emit(p.id, agencyId(p), ChangeKind.stage_moved, true, now);
            }
        }
        return written(p);
    }

    public Optional<Versioned<PositionDetail>> publish(Caller caller, long id, String ifMatch) {
        return transition(caller, id, ifMatch, "published", ChangeKind.published, (p, now) -> {
            if (p.status != PositionStatus.draft) {
                throw Problems.conflict(Messages.text("problem.conflict.publish", p.status));
            }
            List<String> missing = new ArrayList<>();
            if (p.unit == null) {
                missing.add("unitId");
            }
            if (p.applicationDeadline == null) {
                missing.add("applicationDeadline");
            } else if (!p.applicationDeadline.isAfter(now)) {
                throw Problems.conflict(Messages.text("problem.conflict.deadline-passed"));
            }
            if (p.applyUrl == null) {
                missing.add("applyUrl");
            }
            if (p.contacts.isEmpty()) {
                missing.add("contacts");
            }
            List<Finding> findings = checks.check(posting(p, now));
            Map<String, String> refused = findings.stream()
                    .filter(Finding::blocks)
                    .collect(Collectors.toMap(Finding::field, Finding::message, (a, b) -> a, LinkedHashMap::new));
            if (!missing.isEmpty() || !refused.isEmpty()) {
                throw Problems.incomplete(
                        Messages.text(refused.isEmpty() ? "problem.incomplete" : "problem.publish.checks"),
                        missing,
                        refused,
                        refused.isEmpty() ? List.of() : Checks.of(findings).findings());
            }
            p.status = PositionStatus.published;
            p.publishedAt = now;
        });
    }

    /** What the posting's checks find, for those who may edit it. */
    public Optional<Checks> checks(Caller caller, long id) {
        return visible(caller, id).map(p -> Checks.of(checks.check(posting(p, OffsetDateTime.now(clock)))));
    }

    /** What the checks read of a posting: its title and sections, its pay, its deadline and publication. */
    private PostingChecks.Posting posting(Position p, OffsetDateTime now) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", p.title);
        for (int i = 0; i < p.sections.size(); i++) {
            texts.put("sections[%d].heading".formatted(i), p.sections.get(i).heading);
            texts.put("sections[%d].body".formatted(i), p.sections.get(i).body);
        }
        return new PostingChecks.Posting(
                texts,
                p.payStated,
                p.employer.payTransparency == PayTransparency.required,
                p.applicationDeadline,
                p.publishedAt != null ? p.publishedAt : now);
    }

    /** Ends the posting before its deadline. */
    public Optional<Versioned<PositionDetail>> close(Caller caller, long id, String ifMatch) {
        return transition(caller, id, ifMatch, "closed", ChangeKind.closed, (p, now) -> {
            if (!p.isOpenAt(now)) {
                throw Problems.conflict(Messages.text(
                        "problem.conflict.close",
                        p.status == PositionStatus.published ? Messages.text("state.closed-already") : p.status));
            }
            p.closedAt = now;
        });
    }

    public Optional<Versioned<PositionDetail>> withdraw(Caller caller, long id, String ifMatch) {
        return transition(caller, id, ifMatch, "withdrawn", ChangeKind.withdrawn, (p, now) -> {
            if (p.status == PositionStatus.withdrawn) {
                throw Problems.conflict(Messages.text("problem.conflict.withdrawn"));
            }
            p.status = PositionStatus.withdrawn;
        });
    }

    /** Opens a published position again with a later deadline, kept in its deadline history. */
    public Optional<Versioned<PositionDetail>> reopen(Caller caller, long id, String ifMatch, String deadlineText) {
        return transition(caller, id, ifMatch, "reopened", ChangeKind.deadline_extended, (p, now) -> {
            if (p.status != PositionStatus.published || p.isOpenAt(now)) {
                throw Problems.conflict(Messages.text(
                        "problem.conflict.reopen",
                        p.status == PositionStatus.published ? Messages.text("status.open") : p.status));
            }
            OffsetDateTime deadline = PositionInputs.deadline(deadlineText, "applicationDeadline");
            if (deadline == null || !deadline.isAfter(now) || !deadline.isAfter(p.applicationDeadline)) {
                throw Problems.badField("applicationDeadline", Messages.text("problem.field.reopen-deadline"));
            }
            OffsetDateTime previous = p.applicationDeadline;
            p.applicationDeadline = deadline;
            p.closedAt = null;
            keepDeadlineExtension(p, previous, now);
        });
    }

    /**
     * Removes the position and its history; the change feed keeps a `deleted` event, so consumers
     * drop it too. Empty when there is no such position.
     */
    public Optional<Long> delete(Caller caller, long id, String ifMatch) {
        return locked(caller, id).map(p -> {
            checkVersion(p, ifMatch);
            events.emit(
                    p.id,
                    agencyId(p),
                    ChangeKind.deleted,
                    p.status == PositionStatus.published,
                    OffsetDateTime.now(clock));
            PositionChange.delete("position", p);
            p.delete();
            return p.id;
        });
    }

    private interface Transition {
        void apply(Position position, OffsetDateTime now);
    }

    private Optional<Versioned<PositionDetail>> transition(
            Caller caller, long id, String ifMatch, String action, ChangeKind kind, Transition transition) {
        return locked(caller, id).map(p -> {
            checkVersion(p, ifMatch);
            OffsetDateTime now = OffsetDateTime.now(clock);
            boolean wasPublic = p.status == PositionStatus.published;
            transition.apply(p, now);
            p.version++;
            p.updatedAt = now;
            p.updatedBy = ApiClient.findById(caller.clientId());
            record(p, caller, now, action, Map.of());
            events.emit(p.id, agencyId(p), kind, wasPublic || p.status == PositionStatus.published, now);
            return written(p);
        });
    }

    /** The position, if the caller may read it as a writer: empty when it may not know it exists. */
    private Optional<Position> visible(Caller caller, long id) {
        return Optional.ofNullable(em.find(Position.class, id)).filter(p -> mayWrite(caller, p));
    }

    /** The row is locked until commit, so two writers holding the same ETag cannot both win. */
    private Optional<Position> locked(Caller caller, long id) {
        return Optional.ofNullable(em.find(Position.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(p -> mayWrite(caller, p));
    }

    private boolean mayWrite(Caller caller, Position p) {
        return access.posting(caller, p.employer.id, agencyId(p), p.status == PositionStatus.published);
    }

    private Position authorised(Caller caller, Position p) {
        if (!mayWrite(caller, p)) {
            throw Problems.forbidden(Messages.text("problem.forbidden.change"));
        }
        return p;
    }

    private static void checkVersion(Position p, String ifMatch) {
        Versions.check(p.version, ifMatch);
    }

    private void apply(Position p, PositionInput in, Caller caller, OffsetDateTime now) {
        p.title = in.title();
        p.employer = Employer.findById(in.employerId());
        p.unit = in.unitId() == null ? null : OrgUnit.findById(in.unitId());
        p.agency = in.agencyId() == null ? null : Agency.findById(in.agencyId());
        p.reportsTo = in.reportsTo();
        p.employmentTerms = in.employmentTerms();
        p.workingHours = in.workingHours();
        p.pay(in.pay(), payTerms);
        p.pension = in.pension();
        p.startDate = in.startDate();
        p.startText = in.startText();
        p.applicationDeadline = PositionInputs.deadline(in.applicationDeadline(), "applicationDeadline");
        p.applyUrl = in.applyUrl();
        p.sections.clear();
        in.sections().forEach(s -> p.sections.add(new Section(s.heading(), s.body())));
        p.hiringCommittee.clear();
        in.hiringCommittee().forEach(m -> p.hiringCommittee.add(new CommitteeMember(m.name(), m.role())));
        p.links.clear();
        in.links().forEach(l -> p.links.add(new Link(l.title(), l.url())));
        p.contacts.clear();
        in.contacts()
                .forEach(c -> p.addContact(new Contact(c.name(), c.role(), c.organisation(), c.phone(), c.email())));
        p.stages.clear();
        in.stages()
                .forEach(s -> p.addStage(
                        new Stage(s.kind(), s.label(), s.date(), s.startTime(), s.endTime(), s.location(), s.note())));
        p.index();
        if (p.id != null) {
            p.version++;
        }
        p.updatedAt = now;
        p.updatedBy = ApiClient.findById(caller.clientId());
    }

    /** Keeps a later deadline of a public posting in its history; true when it did. */
    private static boolean keepDeadlineExtension(Position p, OffsetDateTime previous, OffsetDateTime now) {
        if (p.status != PositionStatus.draft
                && previous != null
                && p.applicationDeadline != null
                && p.applicationDeadline.isAfter(previous)) {
            p.deadlineChanges.add(new DeadlineChange(previous, p.applicationDeadline, now));
            return true;
        }
        return false;
    }

    /** A stage got another date or time (its order and kind kept, or not). */
    private static boolean stagesMoved(List<StageInput> before, List<StageInput> after) {
        List<String> was = before.stream()
                .map(s -> s.date() + " " + s.startTime() + " " + s.endTime())
                .toList();
        List<String> is = after.stream()
                .map(s -> s.date() + " " + s.startTime() + " " + s.endTime())
                .toList();
        return !was.equals(is);
    }

    private static Long agencyId(Position p) {
        return p.agency == null ? null : p.agency.id;
    }

    /** {"field": {"from": ..., "to": ...}} for the editable fields that differ. */
    private Map<String, Object> diff(PositionInput before, PositionInput after) {
        ObjectNode from = json.valueToTree(before);
        ObjectNode to = json.valueToTree(after);
        ObjectNode changes = json.createObjectNode();
        // Absent values are left out of both trees, so a cleared field is only in `from`.
        Set<String> fields = new LinkedHashSet<>();
        from.fieldNames().forEachRemaining(fields::add);
        to.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            if (!from.path(field).equals(to.path(field))) {
                ObjectNode change = changes.putObject(field);
                change.set("from", from.get(field));
                change.set("to", to.get(field));
            }
        }
        return json.convertValue(changes, Map.class);
    }

    private void record(Position p, Caller caller, OffsetDateTime now, String action, Map<String, Object> changes) {
        PositionChange change = new PositionChange();
        change.position = p;
        change.client = ApiClient.findById(caller.clientId());
        change.at = now;
        change.action = action;
        try {
            change.changes = json.writeValueAsString(changes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of JSON nodes always serialises", e);
        }
        change.persist();
    }

    private Versioned<PositionDetail> written(Position p) {
        // New contacts and stages get their ids at the flush; the answer shows them.
        em.flush();
        return new Versioned<>(
                PositionDetail.of(p, payTerms.view(payTerms.read(p.pay)), Copenhagen.now(clock)), p.version);
    }
}
