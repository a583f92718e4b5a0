package org.chmexchange.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** context.jsonld agrees with MODEL.md: every term expands into its namespaces, every MODEL.md term is defined. */
class ContextTest {

    /** The namespaces of MODEL.md (ours and the standard vocabularies it uses). */
    private static final List<String> MODEL_NAMESPACES = List.of(
            CHM.NAMESPACE,
            "https://w3id.org/chm-exchange/thesaurus/",
            "http://purl.org/dc/terms/",
            "http://www.w3.org/2004/02/skos/core#",
            "http://www.w3.org/2006/vcard/ns#",
            "http://www.w3.org/ns/dcat#",
            "https://schema.org/",
            "http://xmlns.com/foaf/0.1/",
            "http://www.w3.org/ns/org#",
            "http://www.w3.org/2002/07/owl#",
            "http://www.w3.org/ns/prov#",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "http://www.w3.org/2000/01/rdf-schema#",
            "http://www.w3.org/2001/XMLSchema#",
            "https://www.w3.org/ns/activitystreams#");

    private static JsonNode context;
    private static final Map<String, String> PREFIXES = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        context = new ObjectMapper().readTree(Vocabularies.contextJson()).get("@context");
        context.properties().forEach(e -> {
            String id = idOf(e.getValue());
            if (id != null && (id.endsWith("#") || id.endsWith("/"))) {
                PREFIXES.put(e.getKey(), id);
            }
        });
    }

    private static String idOf(JsonNode definition) {
        if (definition.isTextual()) {
            return definition.asText();
        }
        return definition.has("@id") ? definition.get("@id").asText() : null;
    }

    private static String expand(String value) {
        int colon = value.indexOf(':');
        if (colon > 0 && PREFIXES.containsKey(value.substring(0, colon))) {
            return PREFIXES.get(value.substring(0, colon)) + value.substring(colon + 1);
        }
        return value;
    }

    @Test
    void isJsonLd11WithPlainJsonAliases() {
        assertEquals(1.1, context.get("@version").asDouble());
        assertEquals("@id", context.get("id").asText());
        assertEquals("@type", context.get("type").asText());
    }

    @Test
    void everyTermExpandsIntoTheNamespacesOfModel() {
        for (Map.Entry<String, JsonNode> e : context.properties()) {
            String id = idOf(e.getValue());
            if (e.getKey().startsWith("@") || id == null || id.startsWith("@")) {
                continue;
            }
            String iri = expand(id);
            assertTrue(MODEL_NAMESPACES.stream().anyMatch(iri::startsWith), e.getKey() + " -> " + iri);
            if (e.getValue().has("@type") && !e.getValue().get("@type").asText().startsWith("@")) {
                String datatype = expand(e.getValue().get("@type").asText());
                assertTrue(
                        datatype.startsWith("http://www.w3.org/2001/XMLSchema#")
                                || Vocabularies.ontology()
                                        .contains(
                                                org.eclipse.rdf4j.model.util.Values.iri(datatype),
                                                org.eclipse.rdf4j.model.vocabulary.RDF.TYPE,
                                                org.eclipse.rdf4j.model.vocabulary.RDFS.DATATYPE),
                        e.getKey() + " datatype " + datatype + " is neither XSD nor a datatype of the ontology");
            }
        }
    }

    @Test
    void everyChmTermIsAConstantOfChm() throws IllegalAccessException {
        Set<String> constants = new HashSet<>();
        for (Field field : CHM.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == IRI.class) {
                constants.add(((IRI) field.get(null)).stringValue());
            }
        }
        context.properties().forEach(e -> {
            String id = idOf(e.getValue());
            if (id != null && !e.getKey().equals("chm") && expand(id).startsWith(CHM.NAMESPACE)) {
                assertTrue(constants.contains(expand(id)), e.getKey() + " -> " + expand(id) + " is not in CHM.java");
            }
        });
    }

    @Test
    void classesAreTermsAndContainersFollowCardinality() {
        for (String type : List.of(
                "Treaty", "Meeting", "Decision", "NationalReport", "FocalPoint", "Document", "Organization", "File")) {
            assertEquals(CHM.NAMESPACE + type, expand(idOf(context.get(type))), type);
        }
        for (String languageMap : List.of("title", "summary", "designation", "organization")) {
            assertEquals("@language", context.get(languageMap).get("@container").asText(), languageMap);
        }
        for (String set : List.of("concepts", "files", "cites", "categories", "emails", "phones")) {
            assertEquals("@set", context.get(set).get("@container").asText(), set);
            assertEquals("@id", context.get(set).get("@type").asText(), set);
        }
        assertFalse(context.get("treaty").has("@container"), "treaty is one IRI by default");
        for (String multi : List.of("NationalReport", "FocalPoint", "Organization")) {
            JsonNode scoped = context.get(multi).get("@context").get("treaty");
            assertEquals("@set", scoped.get("@container").asText(), multi + " treaty is always an array");
        }
    }

    /** Every {@code `prefix:name` (`term`)} and table row {@code | `prefix:name` | `term` |} of MODEL.md. */
    @Test
    void everyTermOfModelIsDefinedWithItsProperty() throws IOException {
        Path model = Path.of("..", "docs", "MODEL.md");
        org.junit.jupiter.api.Assertions.assertTrue(
                Files.exists(model),
                "docs/MODEL.md not found from " + Path.of("").toAbsolutePath());
        String text = Files.readString(model);
        Matcher m = Pattern.compile("`([a-z]+:[a-z][A-Za-z-]*)`(?: \\(|\\s*\\|\\s*)`([A-Za-z]+)`")
                .matcher(text);
        int found = 0;
        while (m.find()) {
            String property = m.group(1);
            String term = m.group(2);
            JsonNode definition = context.get(term);
            assertNotNull(definition, "MODEL.md term " + term + " (" + property + ") missing from context.jsonld");
            assertEquals(expand(property), expand(idOf(definition)), "term " + term);
            found++;
        }
        assertTrue(found >= 30, "expected the MODEL.md terms, found " + found);
    }
}
