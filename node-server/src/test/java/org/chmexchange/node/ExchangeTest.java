package org.chmexchange.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.OkHttpClient;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.http.HttpClients;
import org.chmexchange.http.HttpSettings;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.TokenScope;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.publish.DeadLetter;
import org.chmexchange.publish.PublishOutcome;
import org.chmexchange.publish.PublishTarget;
import org.chmexchange.publish.Publisher;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes on loopback, as in the field: a national node (Colombia) publishes to the central
 * node with a token scoped to Colombia; an MEA portal harvests the central node through its change
 * feed; an update and a delete at the national node reach the portal.
 */
class ExchangeTest {

    static final String COLOMBIA_TOKEN = Tokens.newToken();

    @TempDir
    static Path dirs;

    static ChmNodeServer national;
    static ChmNodeServer central;
    static ChmNodeServer portal;
    static OkHttpClient nationalHttp;
    static OkHttpClient portalHttp;
    static RecordValidator validator;

    @BeforeAll
    static void start() {
        national = ChmNodeServer.start(new NodeConfig(0, dirs.resolve("national"), null, false));
        Token colombia = new Token(
                "colombia", Tokens.sha256Hex(COLOMBIA_TOKEN), TokenScope.of(List.of("co"), List.of(), List.of()));
        central = ChmNodeServer.start(
                new NodeConfig(0, dirs.resolve("central"), null, true).withTokens(List.of(colombia)));
        portal = ChmNodeServer.start(new NodeConfig(0, dirs.resolve("portal"), null, false));
        nationalHttp = HttpClients.create(HttpSettings.builder()
                .bearerToken("http://localhost:" + central.port(), () -> COLOMBIA_TOKEN)
                .build());
        portalHttp = HttpClients.create(HttpSettings.defaults());
        validator = new RecordValidator();
        CENTRAL = new PublishTarget("central", URI.create(central.baseIri()));
    }

    @AfterAll
    static void stop() {
        HttpClients.shutdown(nationalHttp);
        HttpClients.shutdown(portalHttp);
        validator.close();
        portal.close();
        central.close();
        national.close();
    }

    static Model focalPoint(String id, String country, String email) {
        IRI iri = RecordType.FOCAL_POINT.mint(national.baseIri(), id);
        Model m = new LinkedHashModel();
        m.add(iri, RDF.TYPE, CHM.FocalPoint);
        m.add(iri, DCTERMS.IDENTIFIER, Values.literal(id));
        m.add(iri, CHM.treaty, ChmThesaurus.treaty("cbd"));
        m.add(iri, CHM.country, ChmThesaurus.country(country));
        m.add(iri, CHM.focalPointCategory, ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "CHM-FP"));
        m.add(iri, CHM.contactKind, Values.literal("person"));
        m.add(iri, VCARD4.FN, Values.literal("Ana Example"));
        m.add(iri, VCARD4.HAS_EMAIL, Values.iri("mailto:" + email));
        return m;
    }

    static Model nbsap(String id) {
        IRI iri = RecordType.NATIONAL_REPORT.mint(national.baseIri(), id);
        Model m = new LinkedHashModel();
        m.add(iri, RDF.TYPE, CHM.NationalReport);
        m.add(iri, DCTERMS.IDENTIFIER, Values.literal(id));
        m.add(iri, DCTERMS.TITLE, Values.literal("Plan de Acción de Biodiversidad (ficticio)", "es"));
        m.add(iri, CHM.treaty, ChmThesaurus.treaty("cbd"));
        m.add(iri, CHM.country, ChmThesaurus.country("co"));
        m.add(iri, CHM.reportType, ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "nbsap"));
        m.add(iri, DCTERMS.DATE_SUBMITTED, Values.literal("2024-10-21", XSD.DATE));
        return m;
    }

    static PublishTarget CENTRAL;

    static Publisher publisher() {
        return new Publisher(national.store(), nationalHttp, national.baseIri());
    }

    static PublishOutcome publish() {
        return publisher().run(CENTRAL);
    }

    static HarvestOutcome harvestCentral() {
        HarvestRun run = new HarvestRun(
                portal.store(),
                validator,
                portal.baseIri(),
                HarvesterRegistry.load(),
                new HarvestContext(portalHttp, 10_000));
        return run.run(
                new HarvestSource("central", "peer", URI.create(central.baseIri()), Map.of("limit", "25")),
                HarvestListener.NONE);
    }

    static Set<String> records(RecordStore store) {
        Set<String> iris = new TreeSet<>();
        store.list(RecordQuery.ALL, null, 500)
                .items()
                .forEach(s -> iris.add(s.iri().stringValue()));
        return iris;
    }

    @Test
    void nationalToCentralToPortalWithUpdatesDeletesAndScopes() throws Exception {
        IRI fp = RecordType.FOCAL_POINT.mint(national.baseIri(), "co-chm-fp");
        IRI report = RecordType.NATIONAL_REPORT.mint(national.baseIri(), "co-nbsap-2024");
        IRI kenyan = RecordType.FOCAL_POINT.mint(national.baseIri(), "ke-chm-fp");
        IRI local = RecordStore.localGraph(national.baseIri());

        national.store().put(focalPoint("co-chm-fp", "co", "ana.example@example.org"), local);
        national.store().put(nbsap("co-nbsap-2024"), local);
        PublishOutcome first = publish();
        assertTrue(first.ok(), first.error());
        assertEquals(2, first.upserted());
        assertTrue(central.store().get(fp).isPresent(), "the central node holds the national focal point");

        HarvestOutcome harvested = harvestCentral();
        assertTrue(harvested.ok(), harvested.error());
        assertEquals(records(central.store()), records(portal.store()), "the portal mirrors the central node");
        assertTrue(portal.store().get(report).isPresent());

        // An update and a delete at the national node reach the portal.
        national.store().put(focalPoint("co-chm-fp", "co", "ana.new@example.org"), local);
        assertTrue(national.store().delete(report));
        assertTrue(publish().ok());
        HarvestOutcome again = harvestCentral();
        assertEquals(1, again.counts().updated());
        assertEquals(1, again.counts().deleted());
        assertTrue(portal.store()
                .get(fp)
                .orElseThrow()
                .contains(fp, VCARD4.HAS_EMAIL, Values.iri("mailto:ana.new@example.org")));
        assertTrue(portal.store().get(report).isEmpty());
        assertEquals(records(central.store()), records(portal.store()));

        // A token for Colombia cannot publish a Kenyan focal point: it is set aside, the rest goes on.
        national.store().put(focalPoint("ke-chm-fp", "ke", "someone@example.org"), local);
        national.store().put(nbsap("co-nbsap-2025"), local);
        PublishOutcome refused = publish();
        assertTrue(refused.ok(), refused.error());
        assertEquals(1, refused.refused());
        assertEquals(1, refused.upserted(), "the report after the refused focal point is published");
        assertTrue(central.store().get(kenyan).isEmpty());
        assertTrue(central.store()
                .get(RecordType.NATIONAL_REPORT.mint(national.baseIri(), "co-nbsap-2025"))
                .isPresent());
        List<DeadLetter> dead = publisher().deadLetters(CENTRAL);
        assertEquals(1, dead.size());
        assertEquals(kenyan.stringValue(), dead.get(0).record());
        assertEquals(403, dead.get(0).status());
        assertEquals(
                403,
                NodeFixture.JSON.readTree(dead.get(0).problem()).get("status").asInt(),
                "the problem kept");
        assertEquals(national.store().lastSequence(), refused.position(), "the position moved past it");
        assertTrue(national.store().delete(kenyan));
        PublishOutcome recovered = publish();
        assertTrue(recovered.ok(), "the deletion of a record the peer never had is done: " + recovered.error());
        assertEquals(national.store().lastSequence(), recovered.position());
        assertEquals(List.of(), publisher().deadLetters(CENTRAL), "the deletion cleared the dead letter");
    }

    @Test
    void theTimeOfChangeAtTheOriginTravelsThroughEveryHop() throws Exception {
        IRI fp = RecordType.FOCAL_POINT.mint(national.baseIri(), "co-cbd-fp1-origin-time");
        national.store()
                .put(
                        focalPoint("co-cbd-fp1-origin-time", "co", "origin@example.org"),
                        RecordStore.localGraph(national.baseIri()));
        String atOrigin = only(national.store().get(fp).orElseThrow(), fp, DCTERMS.MODIFIED);
        assertTrue(
                national.store()
                        .get(fp)
                        .orElseThrow()
                        .filter(fp, CHM.modifiedAtSource, null)
                        .isEmpty(),
                "a node's own record has no time at a source");
        Thread.sleep(5); // so that each node's own time differs from the origin's

        assertTrue(publish().ok());
        Model atCentral = central.store().get(fp).orElseThrow();
        assertEquals(atOrigin, only(atCentral, fp, CHM.modifiedAtSource), "published with its time of change");
        assertNotEquals(atOrigin, only(atCentral, fp, DCTERMS.MODIFIED), "the central node's own time");

        assertTrue(harvestCentral().ok());
        Model atPortal = portal.store().get(fp).orElseThrow();
        assertEquals(atOrigin, only(atPortal, fp, CHM.modifiedAtSource), "the origin's time, not the central node's");
        IRI decision = RecordType.DECISION.mint(central.baseIri(), "cbd-decision-15-4");
        assertEquals(
                only(central.store().get(decision).orElseThrow(), decision, DCTERMS.MODIFIED),
                only(portal.store().get(decision).orElseThrow(), decision, CHM.modifiedAtSource),
                "a central record harvested: the central node's time of change");
        HarvestOutcome again = harvestCentral();
        assertTrue(again.ok(), again.error());
        assertEquals(0, again.counts().updated(), "an unchanged record stays unchanged: " + again.counts());
    }

    private static String only(Model record, IRI iri, IRI property) {
        List<String> values = record.filter(iri, property, null).objects().stream()
                .map(v -> v.stringValue())
                .toList();
        assertEquals(1, values.size(), property + " of " + iri + ": " + values);
        return values.get(0);
    }
}
