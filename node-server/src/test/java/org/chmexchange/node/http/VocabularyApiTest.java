package org.chmexchange.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordReader;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The context, the ontology and the shapes at URLs of the node, by content negotiation. */
class VocabularyApiTest {

    @TempDir
    static Path dir;

    static ChmNodeServer node;
    static String root;

    @BeforeAll
    static void start() {
        node = ChmNodeServer.start(new NodeConfig(0, dir.resolve("data"), null, false));
        root = "http://localhost:" + node.port() + "/";
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theContextIsServedAsJsonLd() throws Exception {
        Reply r = NodeFixture.get(root + "ns/context.jsonld", "application/ld+json");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/ld+json"), r.contentType());
        JsonNode served = NodeFixture.JSON.readTree(r.body());
        assertEquals(NodeFixture.JSON.readTree(Vocabularies.contextJson()), served);
        assertTrue(served.path("@context").has("modifiedAtSource"));
    }

    @ParameterizedTest
    @EnumSource(RecordFormat.class)
    void theOntologyAndTheShapesAreTheNodesOwnInEveryFormat(RecordFormat format) {
        for (String path : new String[] {"ns", "ns/shapes", "thesaurus"}) {
            Reply r = NodeFixture.get(root + path, format.mediaType());
            assertEquals(200, r.status(), path + " " + format + ": " + r.body());
            assertTrue(r.contentType().startsWith(format.mediaType()), r.contentType());
            assertEquals("Accept", r.header("Vary"));
            Model served = RecordReader.read(
                    r.body().getBytes(StandardCharsets.UTF_8),
                    format,
                    root + path,
                    org.chmexchange.rdf.JsonLdContext.servedAt(root + "ns/context.jsonld"));
            Model expected =
                    switch (path) {
                        case "ns" -> Vocabularies.ontology();
                        case "ns/shapes" -> Vocabularies.shapes();
                        default -> Vocabularies.thesaurus();
                    };
            assertTrue(Models.isomorphic(expected, served), path + " in " + format + " differs from the node's own");
        }
    }

    @Test
    void turtleIsTheDefaultAndHtmlIsNotAcceptable() {
        Reply any = NodeFixture.get(root + "ns", "*/*");
        assertTrue(any.contentType().startsWith("text/turtle"), any.contentType());
        Reply html = NodeFixture.get(root + "ns/shapes", "text/html");
        assertEquals(406, html.status());
        assertTrue(html.contentType().startsWith("application/problem+json"), html.contentType());
        assertEquals(400, NodeFixture.get(root + "ns?format=ttl", "text/turtle").status(), "one rule for parameters");
    }
}
