package dk.kommunejob.page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.contact.Contact;
import dk.kommunejob.position.CommitteeMember;
import dk.kommunejob.position.Link;
import dk.kommunejob.position.Position;
import dk.kommunejob.position.Section;
import dk.kommunejob.stage.Stage;
import dk.kommunejob.stage.StageKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference page at {@code /}, in Debian's chromium driven by Playwright: a job seeker's walk at phone and
 * desktop size, axe-core's WCAG 2.1 AA rules on the list and on a posting, and screenshots under
 * target/screenshots for a person to look at.
 */
@QuarkusTest
@TestProfile(ReferencePageTest.OwnDatabase.class)
class ReferencePageTest {

    /**
     * Its own start, so its own database: the page lists every open position, and the rest of the suite makes
     * hundreds, which would push this test's postings off the first page.
     */
    public static class OwnDatabase implements QuarkusTestProfile {}

    /** Debian's package; CHROMIUM names another build. */
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    enum Viewport {
        phone(390, 844),
        desktop(1280, 900);

        final int width;
        final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    private BrowserContext context;
    private final List<String> errors = new ArrayList<>();

    @BeforeAll
    static void launch() {
        assertTrue(
                Files.isExecutable(CHROMIUM),
                CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium), as .ci/run does");
        // Playwright's own browser download is refused on these machines: it drives the system's chromium.
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        // CI runs as root, where chromium's sandbox cannot start.
                        .setArgs(List.of("--no-sandbox", "--disable-gpu")));
    }

    @AfterAll
    static void quit() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    /** A page at this path in a new browser of this size. */
    private Page open(Viewport viewport, String path) {
        Page page = newPage(viewport);
        visit(page, path);
        return page;
    }

    private void visit(Page page, String path) {
        page.navigate(root.toString().replaceAll("/$", "") + path);
    }

    /** A page in a new browser (its own cache) at this size; console errors and uncaught exceptions are collected. */
    private Page newPage(Viewport viewport) {
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(viewport.width, viewport.height)
                .setIsMobile(viewport == Viewport.phone)
                .setHasTouch(viewport == Viewport.phone)
                .setLocale("da-DK")
                .setTimezoneId("Europe/Copenhagen"));
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add(message.text());
            }
        });
        page.onPageError(errors::add);
        return page;
    }

    private static Locator titles(Page page) {
        return page.locator("#stillinger h2");
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void aJobSeekerSearchesFiltersOpensAPostingSeesItsContactsAndStagesAndComesBack(Viewport viewport) {
        Org org = TestData.org();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate interview = LocalDate.now(Copenhagen.ZONE).plusDays(20);
        // Deadlines in a day or two put these first in the list, ahead of the other tests' postings.
        Position school = TestData.position(org, p -> {
            p.title = "Lærer til Herstedlund Skole " + tag;
            p.applicationDeadline =
                    Copenhagen.endOfDay(LocalDate.now(Copenhagen.ZONE).plusDays(1));
            p.contacts.clear();
            p.stages.clear();
            p.addContact(
                    new Contact("Lise Valentin Bayer", "Direktør", "Testkommune", "+4520337091", "lvb@albertslund.dk"));
            p.addStage(new Stage(
                    StageKind.first_interview,
                    "1. samtaler",
                    interview,
                    LocalTime.of(9, 0),
                    LocalTime.of(14, 0),
                    "Rådhuset, mødelokale 2",
                    null));
            p.addStage(new Stage(
                    StageKind.test,
                    "Personlighedstest",
                    interview.plusDays(3),
                    null,
                    null,
                    "Kbh. K.",
                    "Der skal afsættes 3-4 timer."));
        });
        Position nursery = TestData.position(org, p -> {
            p.title = "Pædagog til Testvuggestuen " + tag;
            p.unit = TestData.unit(org.otherDepartmentId());
            p.applicationDeadline =
                    Copenhagen.endOfDay(LocalDate.now(Copenhagen.ZONE).plusDays(2));
        });
        TestData.notificationsArrived();

        Page page = open(viewport, "/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Ledige stillinger");
        assertThat(titles(page).filter(new Locator.FilterOptions().setHasText(tag)))
                .hasText(new String[] {school.title, nursery.title});
        Locator first = page.locator("#stillinger li").filter(new Locator.FilterOptions().setHasText(school.title));
        assertThat(first).containsText(TestData.unit(org.unitId()).name);
        assertThat(first).containsText("(1 dag tilbage)");
        assertFitsTheWidth(page, viewport);

        page.getByLabel("Søg efter stilling eller ord").fill("skole");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Søg").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile("/\\?q=skole$"));
        assertThat(titles(page).filter(new Locator.FilterOptions().setHasText(tag)))
                .hasText(new String[] {school.title});

        String department = String.valueOf(org.departmentId());
        Locator units = page.getByLabel("Enhed");
        assertThat(units.locator("option[value='%s']".formatted(department)))
                .hasText(Pattern.compile("Skole \\S+ \\(1\\)$"));
        units.selectOption(department);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Søg").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile("/\\?q=skole&enhed=" + department + "$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("1 ledig stilling");
        assertThat(titles(page)).hasText(new String[] {school.title});

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(school.title))
                .click();
        assertThat(page).hasURL(Pattern.compile("/\\?stilling=" + school.slug + "$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(school.title);
        assertThat(page).hasTitle(school.title + " – Ledige stillinger");
        assertFitsTheWidth(page, viewport);
        Locator contacts = page.locator(".kontakter");
        assertThat(contacts.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("20 33 70 91")))
                .hasAttribute("href", "tel:+4520337091");
        assertThat(contacts.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("lvb@albertslund.dk")))
                .hasAttribute("href", "mailto:lvb@albertslund.dk");
        Locator stages = page.locator(".forloeb > li");
        assertThat(stages).hasCount(2);
        assertThat(stages.nth(0).getByRole(AriaRole.HEADING)).hasText("1. samtaler");
        assertThat(stages.nth(0)).containsText("kl. 09.00–14.00");
        assertThat(stages.nth(0).locator("time")).hasAttribute("datetime", interview + "T09:00");
        assertThat(stages.nth(0)).containsText("Sted: Rådhuset, mødelokale 2");
        assertThat(stages.nth(1)).containsText("Sted: Kbh. K.");
        assertThat(stages.nth(1)).containsText("Der skal afsættes 3-4 timer.");
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Føj fristen og samtalerne til din kalender (iCalendar)")))
                .hasAttribute("href", "/api/v1/calendars/positions/" + school.slug + ".ics");
        assertThat(page.locator("script[type='application/ld+json']")).hasCount(1);
        assertThat(page.locator("link[rel='alternate'][type='application/ld+json']"))
                .hasAttribute("href", "/api/v1/positions/" + school.slug);
        assertTrue(
                page.locator("script[type='application/ld+json']").textContent().contains("\"@type\":\"JobPosting\""));

        // Its own URL: reloaded, the same posting.
        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(school.title);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tilbage til alle stillinger"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/\\?q=skole&enhed=" + department + "$"));
        assertThat(titles(page)).hasText(new String[] {school.title});
        assertThat(page.getByLabel("Søg efter stilling eller ord")).hasValue("skole");
        assertThat(units).hasValue(department);
        assertThat(page.locator("head .jsonld")).hasCount(0);
        assertEquals(List.of(), errors, "console errors");
    }

    @Test
    void onlyJobsWithPayShowsThePostingsThatStateItAndTheirPay() {
        Org org = TestData.org();
        TestData.position(org, p -> {
            p.title = "Pædagog med løn";
            p.pay = "{\"text\": \"Løntrin 30\", \"steps\": {\"from\": 30, \"to\": 30}, \"supplements\": []}";
            p.payStated = true;
        });
        TestData.position(org, p -> p.title = "Pædagog uden løn");
        TestData.notificationsArrived();

        Page page = open(Viewport.desktop, "/?enhed=" + org.unitId());
        assertThat(titles(page)).hasCount(2);
        page.getByLabel("Kun job med løn").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Søg"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/\\?enhed=%d&loen=1$".formatted(org.unitId())));
        assertThat(titles(page)).hasText(new String[] {"Pædagog med løn"});
        assertThat(page.locator(".kort dd").getByText("Løntrin 30")).isVisible();
        assertThat(page.getByLabel("Kun job med løn")).isChecked();
        assertAccessible(page, "the list of jobs with pay");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pædagog med løn"))
                .click();
        assertThat(page.locator(".fakta div:has(> dt:text-is('Løn')) dd")).hasText("Løntrin 30");
        assertEquals(List.of(), errors, "console errors");
    }

    @Test
    void pagingWalksTheMatchesTwentyAtATime() {
        Org org = TestData.org();
        for (int i = 0; i < 21; i++) {
            int n = i;
            TestData.position(org, p -> p.title = "Lærer %02d".formatted(n));
        }
        TestData.notificationsArrived();

        Page page = open(Viewport.desktop, "/?enhed=" + org.unitId());
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("21 ledige stillinger");
        assertThat(titles(page)).hasCount(20);
        Locator pages = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sider"));
        assertThat(pages).containsText("Side 1 af 2");
        assertThat(pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Forrige side")))
                .hasCount(0);

        pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Næste side"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/\\?enhed=%d&side=2$".formatted(org.unitId())));
        assertThat(titles(page)).hasCount(1);
        assertThat(pages).containsText("Side 2 af 2");

        page.goBack();
        assertThat(titles(page)).hasCount(20);
        assertThat(pages).containsText("Side 1 af 2");
        assertEquals(List.of(), errors, "console errors");
    }

    @Test
    void theBrowserReusesAnswersAsTheApiAllowsAndThePageKeepsNoCopyOfItsOwn() {
        Org org = TestData.org();
        Position position = TestData.position(org, p -> p.title = "Kok til Rådhuskantinen");
        TestData.notificationsArrived();

        // What became of each request for the list, as chromium's devtools report it.
        Page page = newPage(Viewport.desktop);
        CDPSession devtools = context.newCDPSession(page);
        Map<String, String> lists = new LinkedHashMap<>();
        devtools.on("Network.requestWillBeSent", event -> {
            if (event.getAsJsonObject("request").get("url").getAsString().contains("/api/v1/positions?")) {
                lists.put(event.get("requestId").getAsString(), "sent");
            }
        });
        devtools.on(
                "Network.requestServedFromCache",
                event -> lists.replace(event.get("requestId").getAsString(), "cache"));
        devtools.on("Network.responseReceived", event -> {
            JsonObject response = event.getAsJsonObject("response");
            lists.computeIfPresent(
                    event.get("requestId").getAsString(),
                    (id, seen) -> seen.equals("cache")
                                    || response.get("fromDiskCache").getAsBoolean()
                            ? "cache"
                            : response.get("status").getAsString());
        });
        devtools.send("Network.enable");
        visit(page, "/?enhed=" + org.unitId());
        assertThat(titles(page)).hasText(new String[] {position.title});
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(position.title))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(position.title);
        page.goBack();
        assertThat(titles(page)).hasText(new String[] {position.title});
        // Asked for twice: the second time the browser's cache answered as the API's Cache-Control and ETag allow,
        // from its store or with a 304. A page that bypassed the cache would have fetched it whole again.
        page.waitForCondition(() -> !lists.containsValue("sent"));
        List<String> outcomes = List.copyOf(lists.values());
        assertEquals(2, outcomes.size(), outcomes.toString());
        assertEquals("200", outcomes.get(0), outcomes.toString());
        assertTrue(Set.of("cache", "304").contains(outcomes.get(1)), outcomes.toString());

        // With the browser's cache out of the way (as once max-age has passed), the next views show a change:
        // the page itself keeps nothing.
        JsonObject disabled = new JsonObject();
        disabled.addProperty("cacheDisabled", true);
        devtools.send("Network.setCacheDisabled", disabled);
        QuarkusTransaction.requiringNew().run(() -> {
            Position changed = Position.findById(position.id);
            changed.title = "Køkkenleder til Rådhuskantinen";
            changed.updatedAt = OffsetDateTime.now();
        });
        TestData.notificationsArrived();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(position.title))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Køkkenleder til Rådhuskantinen");
        page.goBack();
        assertThat(titles(page)).hasText(new String[] {"Køkkenleder til Rådhuskantinen"});
        assertEquals(0, page.evaluate("() => localStorage.length + sessionStorage.length"));
        assertEquals(List.of(), errors, "console errors");
    }

    @Test
    void theKeyboardReachesTheSearchWithAVisibleFocusOnTheWay() {
        Page page = open(Viewport.desktop, "/");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("ledige stillinger");
        List<String> focused = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            page.keyboard().press("Tab");
            Locator element = page.locator(":focus");
            focused.add(element.evaluate("e => e.id || e.textContent.trim()").toString());
            assertEquals(
                    "solid 3px",
                    element.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"),
                    "the focus ring of " + focused);
            assertTrue(element.boundingBox().y >= 0, "on screen: " + focused);
        }
        assertEquals(List.of("Spring til indholdet", "Ledige stillinger", "q", "enhed", "loen", "Søg"), focused);
    }

    @ParameterizedTest
    @CsvSource({"/,text/html", "/app.js,text/javascript", "/style.css,text/css", "/favicon.svg,image/svg+xml"})
    void thePagesFilesAreRevalidatedAndMayLoadOnlyFromThisOrigin(String path, String mediaType) {
        given().get(path)
                .then()
                .statusCode(200)
                .contentType(startsWith(mediaType))
                // No version in the names: a new release must reach browsers at once, not after a day.
                .header("Cache-Control", "no-cache")
                .header("Last-Modified", notNullValue())
                .header("Content-Security-Policy", startsWith("default-src 'self'; "))
                .header("X-Content-Type-Options", "nosniff");
        given().get("/api/v1/units").then().statusCode(200).header("Content-Security-Policy", nullValue());
        // Swagger UI runs inline scripts that the page's policy would block.
        given().get("/q/swagger-ui/").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }

    @Test
    void aSearchMarksWhatMatchedAndOffersTheSpellingItMeant() throws Exception {
        Org org = TestData.org();
        TestData.position(org, p -> p.title = "Musikskolelærer til Musikskolen");
        TestData.position(org, p -> {
            p.title = "Administrativ medarbejder";
            p.sections.clear();
            p.sections.add(new Section("Om jobbet", "Du hjælper vores musikskolelærere med skemaer og lokaler."));
        });
        TestData.position(org, p -> p.title = "Sygeplejerske til hjemmeplejen");
        TestData.notificationsArrived();

        // A compound's last part: the title's word marked; a match in the text shown as a marked excerpt.
        Page page = open(Viewport.desktop, "/?q=l%C3%A6rer&enhed=" + org.unitId());
        assertThat(titles(page)).hasText(new String[] {"Musikskolelærer til Musikskolen", "Administrativ medarbejder"});
        assertThat(page.locator("#stillinger h2 mark")).hasText(new String[] {"Musikskolelærer"});
        assertThat(page.locator("#stillinger .uddrag")).hasCount(1);
        assertThat(page.locator("#stillinger .uddrag")).containsText("musikskolelærere med skemaer");
        assertThat(page.locator("#stillinger .uddrag mark")).hasText("musikskolelærere");
        assertThat(page.locator("#forslag")).isHidden();
        assertAccessible(page, "a search with marks");
        screenshot(page, "search-marks");

        // A typo: found all the same, and the spelling offered, a link to its own search.
        visit(page, "/?q=sygeplejeske&enhed=" + org.unitId());
        assertThat(titles(page)).hasText(new String[] {"Sygeplejerske til hjemmeplejen"});
        assertThat(page.locator("#forslag")).hasText("Mente du sygeplejerske?");
        assertAccessible(page, "a search with a typo");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("sygeplejerske").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile("/\\?q=sygeplejerske&enhed=" + org.unitId() + "$"));
        assertThat(page.locator("#forslag")).isHidden();
        assertThat(page.locator("#stillinger h2 mark")).hasText(new String[] {"Sygeplejerske"});
        assertEquals(List.of(), errors, "console errors");
    }

    @Test
    void anUnknownPostingOrUnitIsSaidPlainly() {
        Page page = open(Viewport.desktop, "/?stilling=findes-ikke-" + UUID.randomUUID());
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Stillingen findes ikke.");

        visit(page, "/?enhed=987654321");
        // The API's own words, in Danish.
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("987654321");
        assertThat(page.locator("#liste")).isHidden();
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void theListAndAPostingPassAxeAndAreScreenshot(Viewport viewport) throws Exception {
        Org org = TestData.org();
        LocalDate interview = LocalDate.now(Copenhagen.ZONE).plusDays(20);
        Position position = TestData.position(org, p -> {
            p.title = "Afdelingschef for Dagtilbud & Skole";
            p.agency = TestData.agency(org.agencyId());
            p.reportsTo = "Direktøren for Børn, Sundhed & Velfærd";
            p.workingHours = "Fuld tid";
            p.salary = "Efter forhandling";
            p.pension = "19,55 %";
            p.sections.clear();
            p.sections.add(new Section(
                    "Indledning",
                    "Albertslund har stærke rødder i fællesskabet.\n\nVi søger en <em>engageret</em> leder."));
            p.sections.add(new Section("Hovedopgaver", "<ul><li>Ledelse</li><li>Økonomi</li></ul>"));
            p.hiringCommittee.add(new CommitteeMember("Nanna Bengtsson", "enhedsleder"));
            p.links.add(new Link("Skolepolitik 2023-2026", "https://albertslund.dk/skolepolitik.pdf"));
            p.addContact(new Contact("Gitte Bach", "Chefkonsulent", "MUUSMANN", "+4521213436", "gb@muusmann.com"));
            p.addStage(new Stage(
                    StageKind.second_interview,
                    "2. samtaler",
                    interview,
                    LocalTime.of(9, 0),
                    LocalTime.of(14, 0),
                    "Albertslund",
                    null));
        });
        TestData.notificationsArrived();

        Page page = open(viewport, "/?enhed=" + org.departmentId());
        assertThat(titles(page)).hasText(new String[] {position.title});
        assertAccessible(page, "the list");
        screenshot(page, "list-" + viewport);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(position.title))
                .click();
        assertThat(page.locator(".forloeb")).isVisible();
        // The sections as the API's html: plain text in paragraphs, markup kept.
        assertThat(page.locator("section:has(> h2:text-is('Indledning')) p"))
                .hasText(
                        new String[] {"Albertslund har stærke rødder i fællesskabet.", "Vi søger en engageret leder."});
        assertThat(page.locator("section:has(> h2:text-is('Indledning')) em")).hasText("engageret");
        assertThat(page.locator("section:has(> h2:text-is('Hovedopgaver')) li"))
                .hasText(new String[] {"Ledelse", "Økonomi"});
        assertAccessible(page, "a posting");
        screenshot(page, "detail-" + viewport);
        assertEquals(List.of(), errors, "console errors");
    }

    /** Nothing wider than the viewport: no sideways scrolling on a phone (WCAG 1.4.10, reflow). */
    private static void assertFitsTheWidth(Page page, Viewport viewport) {
        // Against the device's width: a phone's browser widens its layout viewport to hold a page too wide.
        assertTrue(
                ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue() <= viewport.width,
                "the page scrolls sideways");
    }

    private static void assertAccessible(Page page, String view) {
        List<Rule> violations = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze()
                .getViolations();
        assertEquals(
                "",
                violations.stream()
                        .map(rule -> "%s (%s): %s"
                                .formatted(
                                        rule.getId(),
                                        rule.getHelp(),
                                        rule.getNodes().stream()
                                                .map(node -> node.getHtml())
                                                .collect(Collectors.joining(" | "))))
                        .collect(Collectors.joining("\n")),
                "axe-core on " + view);
    }

    private static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}
