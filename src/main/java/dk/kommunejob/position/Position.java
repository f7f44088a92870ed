package dk.kommunejob.position;

import dk.kommunejob.agency.Agency;
import dk.kommunejob.client.ApiClient;
import dk.kommunejob.contact.Contact;
import dk.kommunejob.organisation.Employer;
import dk.kommunejob.organisation.OrgUnit;
import dk.kommunejob.pay.PayInput;
import dk.kommunejob.pay.PayTerms;
import dk.kommunejob.stage.Stage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

/** A job posting ("stillingsopslag"). */
@Entity
public class Position extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "position_seq")
    @SequenceGenerator(name = "position_seq", sequenceName = "position_seq", allocationSize = 50)
    public Long id;

    public String slug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "employer_id")
    public Employer employer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    public OrgUnit unit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    public String title;

    @Column(name = "reports_to")
    public String reportsTo;

    @Column(name = "employment_terms")
    public String employmentTerms;

    @Column(name = "working_hours")
    public String workingHours;

    /** Derived by PostgreSQL from the working hours (or the terms); read back after each write. */
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    @Enumerated(EnumType.STRING)
    public Hours hours;

    /** `pay.text`, written beside `pay` for the release before, which reads it; dropped in the release after. */
    public String salary;

    /** The pay as its writer stated it (pay.PayInput), one JSON document. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String pay;

    /** Derived from `pay` at each write (and when the pay scale changes), for the filters and the facet. */
    @Column(name = "pay_stated")
    public boolean payStated;

    @Column(name = "pay_monthly_min")
    public BigDecimal payMonthlyMin;

    @Column(name = "pay_monthly_max")
    public BigDecimal payMonthlyMax;

    public String pension;

    /** The pay as stated, with what the filters read of it derived, and `salary` beside it for the release before. */
    public void pay(PayInput stated, PayTerms terms) {
        PayTerms.Derived derived = terms.derive(stated);
        salary = stated.text();
        pay = terms.store(stated);
        payStated = derived.stated();
        payMonthlyMin = derived.monthlyMin();
        payMonthlyMax = derived.monthlyMax();
    }

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "start_text")
    public String startText;

    @Column(name = "application_deadline")
    public OffsetDateTime applicationDeadline;

    @Column(name = "apply_url")
    public String applyUrl;

    @Enumerated(EnumType.STRING)
    public PositionStatus status = PositionStatus.draft;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Counts writes; the ETag a writer must send back (If-Match) to change the position. */
    public long version = 1;

    /** Set when the posting was ended before its deadline. */
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /** The agency's own reference, for postings it syncs from its system. */
    @Column(name = "external_ref")
    public String externalRef;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public ApiClient createdBy;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "updated_by")
    public ApiClient updatedBy;

    @Column(name = "search_text")
    String searchText = "";

    @ElementCollection
    @CollectionTable(name = "position_section", joinColumns = @JoinColumn(name = "position_id"))
    @OrderColumn(name = "ord")
    public List<Section> sections = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "committee_member", joinColumns = @JoinColumn(name = "position_id"))
    @OrderColumn(name = "ord")
    public List<CommitteeMember> hiringCommittee = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "position_link", joinColumns = @JoinColumn(name = "position_id"))
    @OrderColumn(name = "ord")
    public List<Link> links = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "deadline_change", joinColumns = @JoinColumn(name = "position_id"))
    @OrderColumn(name = "ord")
    public List<DeadlineChange> deadlineChanges = new ArrayList<>();

    @OneToMany(mappedBy = "position", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ord")
    public List<Contact> contacts = new ArrayList<>();

    @OneToMany(mappedBy = "position", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ord")
    public List<Stage> stages = new ArrayList<>();

    public void addContact(Contact contact) {
        contact.position = this;
        contact.ord = contacts.size();
        contacts.add(contact);
    }

    public void addStage(Stage stage) {
        stage.position = this;
        stage.ord = stages.size();
        stages.add(stage);
    }

    /** Published and taking applications at this moment; deadlines are to the second, so 23:59:59.9 is still open. */
    public boolean isOpenAt(OffsetDateTime now) {
        return isOpen(status, closedAt, applicationDeadline, now);
    }

    public static boolean isOpen(
            PositionStatus status, OffsetDateTime closedAt, OffsetDateTime deadline, OffsetDateTime now) {
        return status == PositionStatus.published
                && closedAt == null
                && !now.truncatedTo(ChronoUnit.SECONDS).isAfter(deadline);
    }

    /** Keeps the searchable body text (the title is indexed by the database itself) in step. */
    @PrePersist
    @PreUpdate
    void index() {
        searchText = Stream.concat(
                        Stream.of(reportsTo, employmentTerms),
                        sections.stream().flatMap(s -> Stream.of(s.heading, s.body)))
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n"));
    }
}
