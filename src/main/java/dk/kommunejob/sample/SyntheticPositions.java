package dk.kommunejob.sample;

import dk.kommunejob.agency.Agency;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.Phones;
import dk.kommunejob.common.Slugs;
import dk.kommunejob.contact.Contact;
import dk.kommunejob.organisation.Employer;
import dk.kommunejob.organisation.OrgUnit;
import dk.kommunejob.organisation.UnitLevel;
import dk.kommunejob.pay.PayInput;
import dk.kommunejob.pay.PayTerms;
import dk.kommunejob.position.Position;
import dk.kommunejob.position.PositionStatus;
import dk.kommunejob.position.Section;
import dk.kommunejob.stage.Stage;
import dk.kommunejob.stage.StageKind;
import dk.kommunejob.sync.ChangeEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Realistic made-up postings of an employer: most open, spread over its units, the agencies it engages
 * and the coming weeks' deadlines. Written in batches so 100 000 of them load in minutes.
 */
@ApplicationScoped
public class SyntheticPositions {

    private static final int BATCH = 500;

    /** Whom a unit hires and where they work, so titles fit the unit they are listed under. */
    private record Trade(List<String> roles, List<String> places) {}

    private static final Map<String, Trade> TRADES = Map.ofEntries(
            Map.entry(
                    "Dagtilbud & Skole",
                    new Trade(
                            List.of("Pædagog", "Pædagogmedhjælper", "Lærer", "Skoleleder", "Souschef", "Dagplejer"),
                            List.of(
                                    "Herstedlund Skole",
                                    "Herstedøster Skole",
                                    "Brøndagerskolen",
                                    "Børnehuset Kastanjen",
                                    "Dagplejen"))),
            Map.entry(
                    "Sprog & Pædagogik og Læring & Trivsel",
                    new Trade(
                            List.of("Pædagogisk konsulent", "Talepædagog", "Læsevejleder"),
                            List.of("Dagtilbud & Skole"))),
            Map.entry(
                    "Administrativt team",
                    new Trade(List.of("Administrativ medarbejder", "Pladsanvisningsmedarbejder"), List.of("Rådhuset"))),
            Map.entry(
                    "Konsulenter",
                    new Trade(List.of("Skolekonsulent", "Dagtilbudskonsulent"), List.of("Dagtilbud & Skole"))),
            Map.entry(
                    "Børn & Familie",
                    new Trade(
                            List.of("Socialrådgiver", "Familiebehandler", "Psykolog"),
                            List.of("Familieafsnittet", "Ungecentret"))),
            Map.entry(
                    "Ældre, Sundhed & Social",
                    new Trade(
                            List.of("Sygeplejerske", "Social- og sundhedsassistent", "Ergoterapeut", "Fysioterapeut"),
                            List.of("Albertshøj", "Toftegaarden", "Villa Social", "Sundhedshuset"))),
            Map.entry(
                    "Kultur, Fritid & Ejendomme",
                    new Trade(
                            List.of("Bibliotekar", "Musikskolelærer", "Ejendomsservicetekniker"),
                            List.of("Albertslund Bibliotek", "Musikskolen", "Kommunale Ejendomme"))),
            Map.entry(
                    "Plan, Byg & Miljø",
                    new Trade(
                            List.of("Byplanlægger", "Ingeniør", "Miljømedarbejder"),
                            List.of("Vej og Park", "Rådhuset"))),
            Map.entry(
                    "Borger & Arbejdsmarked",
                    new Trade(List.of("Jobkonsulent", "Sagsbehandler"), List.of("Jobcentret", "Borgerservice"))),
            Map.entry("Økonomi & Stab", new Trade(List.of("Controller", "Specialkonsulent"), List.of("Rådhuset"))),
            Map.entry("HR & Løn", new Trade(List.of("HR-konsulent", "Lønkonsulent"), List.of("Rådhuset"))),
            Map.entry(
                    "Sekretariat for Politik, Jura, Kommunikation & Udvikling",
                    new Trade(
                            List.of("Jurist", "Kommunikationsmedarbejder", "Udviklingskonsulent"),
                            List.of("Rådhuset"))),
            Map.entry(
                    "Økonomi & Indkøb",
                    new Trade(List.of("Økonomikonsulent", "Indkøber", "Bogholder"), List.of("Rådhuset"))),
            Map.entry(
                    "It & Digitalisering",
                    new Trade(
                            List.of("IT-supporter", "Systemadministrator", "Digitaliseringskonsulent"),
                            List.of("Rådhuset"))));
    private static final Trade ANY_TRADE =
            new Trade(List.of("Administrativ medarbejder", "Projektleder", "Teamleder"), List.of("Rådhuset"));

    private static final List<String> FIRST_NAMES = List.of(
            "Anne",
            "Mette",
            "Søren",
            "Jens",
            "Louise",
            "Mads",
            "Camilla",
            "Peter",
            "Sofie",
            "Rasmus",
            "Ida",
            "Bjørn",
            "Åse",
            "Ærenlund");
    private static final List<String> LAST_NAMES = List.of(
            "Jensen",
            "Nielsen",
            "Hansen",
            "Pedersen",
            "Andersen",
            "Christensen",
            "Larsen",
            "Sørensen",
            "Rasmussen",
            "Møller",
            "Kjær",
            "Østergaard");
    private static final List<String> TERMS = List.of(
            "Løn og ansættelsesvilkår efter gældende overenskomst.",
            "Ansættelse på overenskomstvilkår; løn efter forhandling.",
            "Stillingen er på overenskomstvilkår med mulighed for lokal løndannelse.");
    private static final List<String> HOURS =
            List.of("37 timer om ugen", "32 timer om ugen", "30 timer om ugen", "Fuld tid");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ChangeEvents events;

    @Inject
    PayTerms payTerms;

    /**
     * Realistic pay for six postings in ten: steps of the municipal scale (with supplements and pension, as Ny Løn
     * words it), a monthly amount, or both; the rest say only that pay follows the agreement, as most did before 2027.
     */
    public static PayInput pay(Random random) {
        BigDecimal pension =
                new BigDecimal(List.of("17.10", "18.05", "18.90", "19.55").get(random.nextInt(4)));
        int kind = random.nextInt(10);
        if (kind >= 6) {
            return new PayInput(
                    "Løn efter gældende overenskomst.",
                    PayInput.Basis.collective_agreement,
                    null,
                    null,
                    null,
                    List.of(),
                    random.nextBoolean() ? pension : null,
                    null);
        }
        int from = 20 + random.nextInt(20);
        int to = from + random.nextInt(6);
        PayInput.Steps steps = kind <= 3 ? new PayInput.Steps(from, to) : null;
        int min = 28_000 + 500 * random.nextInt(50);
        PayInput.Amount amount = kind >= 2
                ? new PayInput.Amount(
                        BigDecimal.valueOf(min),
                        BigDecimal.valueOf(min + 1_000 * (2 + random.nextInt(8))),
                        "DKK",
                        PayInput.Period.month)
                : null;
        List<PayInput.Supplement> supplements = random.nextBoolean()
                ? List.of(new PayInput.Supplement(
                        PayInput.SupplementKind.qualification, "Kvalifikationstillæg efter erfaring", null))
                : List.of();
        String text = (steps != null ? "Løntrin %d-%d".formatted(from, to) : "")
                + (steps != null && amount != null ? " (" : "")
                + (amount != null
                        ? "%d-%d kr. om måneden"
                                .formatted(amount.min().intValue(), amount.max().intValue())
                        : "")
                + (steps != null && amount != null ? ")" : "")
                + (supplements.isEmpty() ? "" : " plus tillæg")
                + " efter gældende overenskomst.";
        return new PayInput(
                text,
                PayInput.Basis.collective_agreement,
                null,
                steps,
                amount,
                supplements,
                pension,
                random.nextInt(3) == 0);
    }

    /** Adds n postings of the employer, each batch in its own transaction. */
    public void generate(long employerId, int n) {
        Random random = new Random(20250525L + employerId);
        for (int done = 0; done < n; done += BATCH) {
            int count = Math.min(BATCH, n - done);
            QuarkusTransaction.requiringNew().run(() -> batch(employerId, count, random));
        }
    }

    private void batch(long employerId, int count, Random random) {
        Employer employer = Employer.findById(employerId);
        // Postings belong to departments and units, not to a directorate as a whole.
        List<OrgUnit> units = OrgUnit.list("employer = ?1 and level <> ?2", employer, UnitLevel.directorate);
        // Only the agencies the employer engages run its searches.
        List<Agency> agencies = em.createQuery(
                        "select a from Agency a where a.id in (select e.agency.id from Engagement e where e.employer = :e)",
                        Agency.class)
                .setParameter("e", employer)
                .getResultList();
        OffsetDateTime now = Copenhagen.now(clock);
        LocalDate today = Copenhagen.today(clock);
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Position p = position(employer, pick(units, random), agencies, now, today, random);
            p.pay(pay(random), payTerms);
            p.persist();
            ids.add(p.id);
        }
        events.announceLoaded(ids);
        em.clear();
    }

    private static Position position(
            Employer employer,
            OrgUnit unit,
            List<Agency> agencies,
            OffsetDateTime now,
            LocalDate today,
            Random random) {
        Trade trade = TRADES.get(unit.name);
        if (trade == null) {
            trade = unit.parent == null ? ANY_TRADE : TRADES.getOrDefault(unit.parent.name, ANY_TRADE);
        }
        String role = pick(trade.roles(), random);
        String place = pick(trade.places(), random);
        Position p = new Position();
        p.title = role + " til " + place;
        // A random suffix keeps slugs unique without a round trip for the id. Not from the seeded random,
        // which repeats itself when postings are generated a second time.
        p.slug = Slugs.of(p.title) + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        p.employer = employer;
        p.unit = unit;
        p.agency = random.nextInt(4) == 0 && !agencies.isEmpty() ? pick(agencies, random) : null;
        p.reportsTo = "Leder af " + unit.name;
        p.employmentTerms = pick(TERMS, random);
        p.workingHours = pick(HOURS, random);
        p.startText = random.nextBoolean() ? "Efter aftale" : null;
        // Nine in ten are open, with deadlines over the next two months; the rest closed recently.
        LocalDate deadline =
                random.nextInt(10) == 0 ? today.minusDays(1 + random.nextInt(60)) : today.plusDays(random.nextInt(60));
        p.applicationDeadline = Copenhagen.endOfDay(deadline);
        p.startDate = p.startText == null ? deadline.plusMonths(2).withDayOfMonth(1) : null;
        p.applyUrl = employer.website + "/job/" + p.slug;
        p.status = PositionStatus.published;
        OffsetDateTime published = deadline.minusDays(14 + random.nextInt(28))
                .atTime(9, 0)
                .atZone(Copenhagen.ZONE)
                .toOffsetDateTime();
        p.publishedAt = published.isAfter(now) ? now : published;
        p.createdAt = p.publishedAt;
        p.updatedAt = p.publishedAt;
        p.sections.add(new Section(
                "Indledning",
                "%s søger en %s. Du bliver en del af %s i %s, hvor vi arbejder tæt sammen på tværs af faggrupper."
                        .formatted(employer.name, role.toLowerCase(), place, unit.name)));
        p.sections.add(new Section(
                "Om stillingen",
                "Som %s får du ansvar for opgaver, der gør en forskel for borgerne i Albertslund. "
                                .formatted(role.toLowerCase())
                        + "Vi lægger vægt på faglighed, samarbejde og et godt arbejdsmiljø."));
        p.sections.add(new Section(
                "Vi forventer",
                "Du har en relevant uddannelse, er god til at samarbejde og trives med mange forskellige opgaver."));
        int contacts = 1 + random.nextInt(2);
        for (int c = 0; c < contacts; c++) {
            // 2x yx xx xx with y > 0: numbers in the Danish mobile plan (2x 0x is unallocated).
            String phone = "2%d %d%d %02d %02d"
                    .formatted(
                            random.nextInt(10),
                            1 + random.nextInt(9),
                            random.nextInt(10),
                            random.nextInt(100),
                            random.nextInt(100));
            p.addContact(new Contact(
                    pick(FIRST_NAMES, random) + " " + pick(LAST_NAMES, random),
                    c == 0 ? "Leder af " + place : "Tillidsrepræsentant",
                    employer.name,
                    Phones.toE164(phone),
                    null));
        }
        LocalDate first = deadline.plusDays(5 + random.nextInt(5));
        p.addStage(new Stage(
                StageKind.first_interview, "1. samtaler", first, LocalTime.of(9, 0), LocalTime.of(15, 0), place, null));
        if (random.nextBoolean()) {
            p.addStage(new Stage(
                    StageKind.test,
                    "Test",
                    first.plusDays(2),
                    null,
                    null,
                    "Rådhuset",
                    "Der skal afsættes 2-3 timer til testen."));
        }
        p.addStage(new Stage(StageKind.second_interview, "2. samtaler", first.plusDays(7), null, null, place, null));
        return p;
    }

    private static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }
}
