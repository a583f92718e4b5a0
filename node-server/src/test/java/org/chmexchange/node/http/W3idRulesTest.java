package org.chmexchange.node.http;

import static org.chmexchange.node.NodeFixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordReader;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The w3id.org redirect rules (docs/w3id/.htaccess, ready to submit) lead to routes the node
 * answers: each rule is applied as Apache's mod_rewrite would (first match wins, {@code $n} and the
 * node's base substituted), and the target is fetched from a real node with the client's {@code
 * Accept}. So the namespace works the same before registration (a node's own URLs) and after.
 */
class W3idRulesTest {

    private static final Path RULES = Path.of("..", "docs", "w3id", ".htaccess");
    private static final Pattern RULE = Pattern.compile("^RewriteRule\\s+(\\S+)\\s+(\\S+)\\s+\\[([^]]*)]$");

    @TempDir
    static Path dataDir;

    private static ChmNodeServer node;
    private static List<String[]> rules;

    @BeforeAll
    static void start() throws IOException {
        node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, false));
        rules = new ArrayList<>();
        for (String line : Files.readAllLines(RULES, StandardCharsets.UTF_8)) {
            Matcher m = RULE.matcher(line.strip());
            if (m.matches() && m.group(3).contains("R=")) {
                rules.add(new String[] {m.group(1), m.group(2), m.group(3)});
            }
        }
        assertTrue(rules.size() >= 5, "the redirect rules are found in " + RULES);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** Where mod_rewrite sends {@code path} (relative to https://w3id.org/chm-exchange/), on our node. */
    private static String target(String path) {
        for (String[] rule : rules) {
            Matcher m = Pattern.compile(rule[0]).matcher(path);
            if (m.find()) {
                String target = rule[1].replace("%{ENV:CHM_NODE}", node.baseIri());
                for (int g = m.groupCount(); g >= 1; g--) {
                    target = target.replace("$" + g, m.group(g));
                }
                assertTrue(rule[2].matches("R=30[23],L(,NE)?"), "a redirect that ends the rules: " + rule[2]);
                return target;
            }
        }
        throw new AssertionError("No rule for " + path);
    }

    @ParameterizedTest
    @CsvSource({
        "ns, text/turtle",
        "ns, application/ld+json",
        "shapes, text/turtle",
        "thesaurus/gbf-targets/GBF-TARGET-03, text/turtle",
        "thesaurus/countries/fr, application/rdf+xml",
        "thesaurus/gbf-targets, application/json",
        "thesaurus, application/n-triples",
        "context.jsonld, application/ld+json",
        "something/else, text/turtle"
    })
    void everyRuleLeadsToAnAnswerOfTheNode(String path, String accept) {
        Reply r = get(target(path), accept);
        assertEquals(200, r.status(), path + " -> " + target(path) + ": " + r.body());
        assertTrue(r.contentType().startsWith(accept), path + " gave " + r.contentType());
    }

    @Test
    void termsAndConceptsAreDescribedWhereTheyLead() {
        Model ontology = turtle(target("ns"));
        assertTrue(ontology.contains(CHM.Decision, RDF.TYPE, OWL.CLASS), "ns#Decision is described at ns");
        String concept = "https://w3id.org/chm-exchange/thesaurus/gbf-targets/GBF-TARGET-03";
        Model description = turtle(target(concept.substring("https://w3id.org/chm-exchange/".length())));
        assertNotNull(description
                .filter(Values.iri(concept), SKOS.PREF_LABEL, null)
                .iterator()
                .next());
    }

    private static Model turtle(String url) {
        Reply r = get(url, "text/turtle");
        assertEquals(200, r.status(), url);
        return RecordReader.read(r.body().getBytes(StandardCharsets.UTF_8), RecordFormat.TURTLE, url);
    }
}
