package org.chmexchange.node.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a CBD replay serves: index documents (as {@code /api/v2013/index/select} returns them), record
 * bodies (as {@code /api/v2013/documents/{identifier}}) and thesaurus domains (as {@code
 * /api/v2013/thesaurus/domains/{domain}/terms}), in the shapes of INCUMBENTS.md part A 1.2, 1.5 and 2.2.
 *
 * <p>On disk (and on the class path, {@value #BUNDLED}): {@code index.json}, a JSON array of index
 * documents; {@code documents/{identifier}.json}, one body each; {@code thesaurus/{domain}.json}, a
 * JSON array of terms each.
 *
 * <p>Thread-safety: every method is synchronized; readers get copies of the lists.
 */
public final class CbdFixtures {

    /** Class-path folder of the fixture set shipped with the node (fictional people). */
    public static final String BUNDLED = "org/chmexchange/node/replay/cbd/";

    /** Identifiers of the bundled bodies, which a class path cannot list. */
    static final String BUNDLED_DOCUMENTS = "documents.txt";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> index = new LinkedHashMap<>();
    private final Map<String, JsonNode> bodies = new LinkedHashMap<>();
    private final Map<String, JsonNode> domains = new LinkedHashMap<>();
    private final Map<String, JsonNode> drafts = new LinkedHashMap<>();
    private final Map<String, JsonNode> refusals = new LinkedHashMap<>();
    private long version;

    /** An empty set. */
    public CbdFixtures() {}

    /** The set shipped with the node. */
    public static CbdFixtures bundled() {
        CbdFixtures f = new CbdFixtures();
        for (JsonNode doc : readResource(BUNDLED + "index.json")) {
            f.index.put(doc.get("id").asText(), doc);
        }
        for (String line : new String(
                        resourceBytes(BUNDLED + BUNDLED_DOCUMENTS), java.nio.charset.StandardCharsets.UTF_8)
                .split("\n")) {
            String id = line.strip();
            if (id.isEmpty() || id.startsWith("#")) {
                continue;
            }
            f.bodies.put(id, readResource(BUNDLED + "documents/" + id + ".json"));
        }
        for (String domain : List.of("countries", "GBF-TARGETS", "CBD-SUBJECTS")) {
            f.domains.put(domain, readResource(BUNDLED + "thesaurus/" + domain + ".json"));
        }
        return f;
    }

    /**
     * The set in a folder laid out as described above.
     *
     * @throws UncheckedIOException if a file cannot be read or is not JSON
     */
    public static CbdFixtures fromFolder(Path folder) {
        CbdFixtures f = new CbdFixtures();
        for (JsonNode doc : read(folder.resolve("index.json"))) {
            f.index.put(doc.get("id").asText(), doc);
        }
        f.bodies.putAll(jsonFiles(folder.resolve("documents")));
        f.domains.putAll(jsonFiles(folder.resolve("thesaurus")));
        return f;
    }

    /** Adds or replaces a record: its index document (by {@code id}) and its body (null for none). */
    public synchronized void put(JsonNode indexDoc, JsonNode body) {
        index.put(indexDoc.get("id").asText(), indexDoc);
        if (body != null) {
            bodies.put(indexDoc.get("identifier_s").asText(), body);
        }
        version++;
    }

    /** Removes the record with that {@code identifier_s}: its index documents and body. */
    public synchronized void remove(String identifier) {
        index.values().removeIf(d -> identifier.equals(d.path("identifier_s").asText()));
        bodies.remove(identifier);
        version++;
    }

    /** Adds or replaces a thesaurus domain. */
    public synchronized void domain(String name, JsonNode terms) {
        domains.put(name, terms);
        version++;
    }

    /** The index documents. */
    public synchronized List<JsonNode> indexDocs() {
        return List.copyOf(index.values());
    }

    /** The body of a record. */
    public synchronized Optional<JsonNode> body(String identifier) {
        return Optional.ofNullable(bodies.get(identifier));
    }

    /** The index document of a record, by {@code identifier_s}. */
    public synchronized Optional<JsonNode> indexDoc(String identifier) {
        return index.values().stream()
                .filter(d -> identifier.equals(d.path("identifier_s").asText()))
                .findFirst();
    }

    /** The terms of a domain. */
    public synchronized Optional<JsonNode> domain(String name) {
        return Optional.ofNullable(domains.get(name));
    }

    private static Map<String, JsonNode> jsonFiles(Path folder) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json")) {
                    out.put(name.substring(0, name.length() - 5), read(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        return out;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " as JSON", e);
        }
    }

    private static JsonNode readResource(String path) {
        try {
            return JSON.readTree(resourceBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read class-path resource " + path + " as JSON", e);
        }
    }

    private static byte[] resourceBytes(String path) {
        try (InputStream in = CbdFixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Class-path resource " + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read class-path resource " + path, e);
        }
    }

    /** The drafts submitted through the v2023 API, by identifier (a submission's {@code document}). */
    public synchronized Map<String, JsonNode> drafts() {
        return Map.copyOf(drafts);
    }

    /** Keeps a submitted draft. */
    synchronized void draft(String identifier, JsonNode document) {
        drafts.put(identifier, document);
    }

    /** Whether a draft with that identifier was submitted. */
    synchronized boolean hasDraft(String identifier) {
        return drafts.containsKey(identifier);
    }

    /**
     * Makes the v2023 API refuse submissions of {@code identifier} with these validation errors (an
     * array of {@code {code, property}}), as the CBD's validation would; null to accept them again.
     */
    public synchronized void refuse(String identifier, JsonNode errors) {
        if (errors == null) {
            refusals.remove(identifier);
        } else {
            refusals.put(identifier, errors);
        }
    }

    /** The validation errors set for an identifier, if any. */
    synchronized Optional<JsonNode> refusal(String identifier) {
        return Optional.ofNullable(refusals.get(identifier));
    }

    /** A number that changes with every change of the set. */
    public synchronized long version() {
        return version;
    }
}
