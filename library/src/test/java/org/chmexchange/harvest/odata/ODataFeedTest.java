package org.chmexchange.harvest.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import okhttp3.HttpUrl;
import org.chmexchange.informea.InformeaEntitySet;
import org.chmexchange.informea.InformeaMapper;
import org.chmexchange.informea.InformeaTreaties;
import org.chmexchange.model.Meeting;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.junit.jupiter.api.Test;

/** Every envelope the harvester reads, to the one row shape the mapper takes. */
class ODataFeedTest {

    static final HttpUrl PAGE = HttpUrl.get("http://odata.example.org/informea.svc/Meetings?$top=2");

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ODataFeedTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anAtomFeedWithInlineAndDeferredNavigationBecomesJsonVerboseRows() throws Exception {
        ODataFeed feed = ODataFeed.read(resource("meetings-atom.xml"), "application/atom+xml;type=feed", PAGE);
        assertEquals(2, feed.rows().size());
        assertEquals(2L, feed.count());
        assertEquals("http://odata.example.org/informea.svc/Meetings?$top=2&$skiptoken=2", feed.next());
        ObjectNode cop18 = feed.rows().get(0);
        assertEquals("cop18", cop18.get("id").asText());
        assertEquals(2, cop18.get("title").get("results").size());
        assertEquals(
                "fr", cop18.get("title").get("results").get(1).get("language").asText());
        assertEquals(
                "http://odata.example.org/informea.svc/Meetings('cop18')/description",
                cop18.get("description").get("__deferred").get("uri").asText());
        assertTrue(cop18.get("end").isNull());
        assertEquals(46.2, cop18.get("latitude").asDouble());
        assertTrue(cop18.get("virtual").isBoolean());
        assertEquals(1, feed.rows().get(1).get("title").size(), "a Collection property is an array");

        InformeaMapper mapper = new InformeaMapper(
                "http://odata.example.org/informea.svc/",
                Thesaurus.fromClasspath(),
                new InformeaTreaties(Thesaurus.fromClasspath()),
                null);
        Meeting m = (Meeting) mapper.map(InformeaEntitySet.MEETINGS, cop18).record();
        assertEquals(ChmThesaurus.country("ch"), m.country());
        assertEquals(Set.of("en", "fr"), m.common().title().languages());
        assertEquals(java.time.LocalDate.of(2019, 8, 17), m.startDate());
    }

    @Test
    void jsonVerboseBareListV4AndASingleEntity() throws Exception {
        ODataFeed verbose = ODataFeed.read(
                "{\"d\":{\"results\":[{\"id\":\"a\"}],\"__next\":\"Meetings?$skiptoken=1\",\"__count\":\"5\"}}"
                        .getBytes(StandardCharsets.UTF_8),
                "application/json",
                PAGE);
        assertEquals("http://odata.example.org/informea.svc/Meetings?$skiptoken=1", verbose.next());
        assertEquals(5L, verbose.count());
        assertEquals(
                1,
                ODataFeed.read("{\"d\":[{\"id\":\"a\"}]}".getBytes(StandardCharsets.UTF_8), null, PAGE)
                        .rows()
                        .size());
        ODataFeed v4 = ODataFeed.read(
                ("{\"@odata.context\":\"x\",\"value\":[{\"id\":\"a\",\"title@odata.navigationLink\":\"x\","
                                + "\"title\":[{\"language\":\"en\",\"value\":\"T\"}]}],\"@odata.nextLink\":\"http://odata.example.org/n\"}")
                        .getBytes(StandardCharsets.UTF_8),
                "application/json;odata.metadata=minimal",
                PAGE);
        assertEquals("http://odata.example.org/n", v4.next());
        assertTrue(!v4.rows().get(0).has("title@odata.navigationLink"), "annotations are dropped");
        assertEquals(
                1,
                ODataFeed.read("{\"d\":{\"id\":\"a\"}}".getBytes(StandardCharsets.UTF_8), null, PAGE)
                        .rows()
                        .size());
    }

    @Test
    void malformedAndHostileBodiesAreClearErrors() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&x;</title></feed>";
        assertThrows(
                ODataFeed.FormatException.class,
                () -> ODataFeed.read(xxe.getBytes(StandardCharsets.UTF_8), "application/atom+xml", PAGE));
        assertThrows(
                ODataFeed.FormatException.class,
                () -> ODataFeed.read("{\"d\":".getBytes(StandardCharsets.UTF_8), "application/json", PAGE));
        assertThrows(
                ODataFeed.FormatException.class,
                () -> ODataFeed.read("{\"results\":[]}".getBytes(StandardCharsets.UTF_8), "application/json", PAGE));
        assertThrows(
                ODataFeed.FormatException.class,
                () -> ODataFeed.read("<html/>".getBytes(StandardCharsets.UTF_8), "text/html+xml", PAGE));
    }
}
