package org.chmexchange.node.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.store.RecordStore;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The portal as a person sees it, in Debian's Chromium driven through its ChromeDriver by Selenium
 * (both installed by {@code src/test/interop/install.sh}): home, a search with a facet, a record, a
 * concept, a country page, the network page, in English and French (and Arabic, right to left);
 * every page checked
 * with axe-core (Deque's engine, from npm) run in the page, with no serious or critical violation
 * (WCAG 2.1 A and AA rules). Screenshots go to {@code node-server/target/screenshots}, kept by CI
 * as artifacts.
 */
class PortalBrowserIT {

    static final Path INTEROP = Path.of("target/interop");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    static Path dataDir;

    static ChmNodeServer node;
    static String root;
    static WebDriver browser;
    static String axe;
    static final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path axeFile = INTEROP.resolve("node_modules/axe-core/axe.min.js");
        assertTrue(
                Files.isRegularFile(axeFile) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "chromium, chromedriver or axe-core is not installed: run bash node-server/src/test/interop/install.sh"
                        + " (Maven runs it in pre-integration-test)");
        axe = Files.readString(axeFile, StandardCharsets.UTF_8);
        node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, true));
        root = "http://localhost:" + node.port() + "/";
        Model m = new LinkedHashModel();
        for (String[] fp : new String[][] {
            {"fr-cbd", "Camille Exemple", "cbd", "CBD-FP1"}, {"fr-cms", "Camille Exemple", "cms", "CMS-FP"}
        }) {
            IRI iri = RecordType.FOCAL_POINT.mint(node.baseIri(), fp[0]);
            m.add(iri, RDF.TYPE, CHM.FocalPoint);
            m.add(iri, DCTERMS.IDENTIFIER, Values.literal(fp[0]));
            m.add(iri, VCARD4.FN, Values.literal(fp[1]));
            m.add(iri, VCARD4.HAS_EMAIL, Values.iri("mailto:camille.exemple@example.org"));
            m.add(iri, CHM.treaty, ChmThesaurus.treaty(fp[2]));
            m.add(iri, CHM.country, ChmThesaurus.country("fr"));
            m.add(iri, CHM.focalPointCategory, ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, fp[3]));
        }
        node.store().put(m, RecordStore.localGraph(node.baseIri()));
        Files.createDirectories(SCREENSHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        Path profile = Files.createTempDirectory("chromium-profile");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
    }

    /** Opens a page, keeps a screenshot and checks it with axe-core; returns the page's visible text. */
    static String visit(String path, String name) throws Exception {
        browser.get(root + path);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        accessible(name);
        return browser.findElement(By.tagName("body")).getText();
    }

    @SuppressWarnings("unchecked")
    static void accessible(String name) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
                + " target: v.nodes.length ? String(v.nodes[0].target) : ''}))))"
                + ".catch(e => done([{id: 'axe-error', impact: 'critical', nodes: 0, target: String(e)}]));");
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                violations.add(name + ": " + v);
            }
        }
        assertEquals(List.of(), violations, "axe-core: serious or critical violations");
    }

    @Test
    void aPersonFindsRecordsConceptsAndACountryInTwoLanguages() throws Exception {
        String home = visit("?lang=en", "home-en");
        assertTrue(home.contains("This node holds"), home);
        assertTrue(home.contains("Latest changes"));

        // search from the home page's box, with the keyboard
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("biodiversity framework", Keys.ENTER);
        assertTrue(browser.getCurrentUrl().contains("/records?q=biodiversity"), browser.getCurrentUrl());
        String results = browser.findElement(By.id("total")).getText();
        assertTrue(results.matches("[0-9,]+ records"), results);
        accessible("search-en");

        // a facet: the decisions only
        browser.findElement(By.xpath("//section[h2='Record type']//a[starts-with(normalize-space(.), 'Decision')]"))
                .click();
        assertTrue(browser.getCurrentUrl().contains("type=decision"), browser.getCurrentUrl());
        Files.write(
                SCREENSHOTS.resolve("search-facet-en.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        accessible("search-facet-en");
        List<WebElement> hits = browser.findElements(By.cssSelector("ul.results li"));
        assertTrue(!hits.isEmpty(), "decisions found");
        for (WebElement hit : hits) {
            assertTrue(hit.getText().contains("Decision"), hit.getText());
        }

        // a record, then the French page by the switcher
        String record = visit("records/decision/cbd-decision-15-4?lang=en", "record-en");
        assertTrue(record.contains("Kunming-Montreal Global Biodiversity Framework"));
        assertTrue(record.contains("Records that link here"));
        browser.findElement(By.cssSelector(".langs a[lang='fr']")).click();
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
        String french = browser.findElement(By.tagName("body")).getText();
        assertTrue(french.contains("Convention sur la diversité biologique"), "the treaty's French label");
        assertTrue(french.contains("Fiches qui renvoient ici"));
        accessible("record-fr");

        // a concept, in French
        String concept = visit("thesaurus/concept?lang=fr&iri=" + ChmThesaurus.country("fr"), "concept-fr");
        assertTrue(concept.startsWith("")
                && browser.findElement(By.tagName("h1")).getText().equals("France"));
        assertTrue(concept.contains("Libellés"));

        // the country page: one person, both roles
        String country = visit("countries/fr?lang=fr", "country-fr");
        assertEquals(
                1,
                browser.findElements(By.xpath("//td[span='Camille Exemple']")).size(),
                country);
        assertTrue(country.contains("Convention sur la conservation des espèces migratrices"), country);

        // the network page: this node, up, with its chart
        String network = visit("network?lang=en", "network-en");
        assertTrue(network.contains("The network of nodes"), network);
        assertTrue(network.contains("this node"), network);
        assertFalse(
                browser.findElements(By.cssSelector("svg[role=img] polyline")).isEmpty(), "a chart");

        // Arabic, right to left
        visit("records?lang=ar", "search-ar");
        assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
    }
}
