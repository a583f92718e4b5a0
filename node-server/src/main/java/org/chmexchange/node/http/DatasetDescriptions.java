package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.chmexchange.model.RecordType;
import org.chmexchange.rdf.JsonLdContext;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.ORG;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.eclipse.rdf4j.model.vocabulary.VOID;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * What the node's data is, for crawlers and catalogues, by content negotiation in every RDF format:
 *
 * <ul>
 *   <li>{@code GET /.well-known/void}: a VoID description (W3C Interest Group Note "Describing Linked
 *       Datasets with the VoID Vocabulary", 2011; section 7.2 gives this well-known path): the
 *       dataset {@code {base}.well-known/void#records} with its triples, entities, one class
 *       partition per record type, the vocabularies it uses, its dumps, its SPARQL endpoint, and
 *       linksets to the CBD's and InforMEA's identifiers ({@code chm:cbdIdentifier}, {@code
 *       chm:informeaId}: links by identifier, the objects being the incumbents' own ids);
 *   <li>{@code GET /catalog}: a DCAT 3 catalogue (W3C Recommendation, 2024): one {@code
 *       dcat:Dataset} per record type, each with the N-Quads and Turtle dumps and its JSON-LD list
 *       and its OAI-PMH set as distributions, and the SPARQL endpoint, the change feed and the
 *       OAI-PMH provider as {@code dcat:DataService}s.
 * </ul>
 *
 * Counting reads the whole store, so each description is built once per change sequence and kept
 * until the next write. Thread-safe.
 */
final class DatasetDescriptions {

    private static final List<String> VOCABULARIES = List.of(
            CHM.NAMESPACE,
            DCTERMS.NAMESPACE,
            SKOS.NAMESPACE,
            VCARD4.NAMESPACE,
            FOAF.NAMESPACE,
            DCAT.NAMESPACE,
            ORG.NAMESPACE,
            PROV.NAMESPACE,
            "https://schema.org/");
    private static final IRI CBD = Values.iri("https://api.cbd.int/");
    private static final IRI INFORMEA = Values.iri("https://www.informea.org/");
    private static final IRI GZIP = Values.iri("http://www.iana.org/assignments/media-types/application/gzip");

    private final RecordStore store;
    private final String base;
    private final JsonLdContext context;
    private final AtomicReference<Kept> voidDescription = new AtomicReference<>();

    private record Kept(long sequence, Model model) {}

    DatasetDescriptions(RecordStore store, String base, JsonLdContext context) {
        this.store = store;
        this.base = base;
        this.context = context;
    }

    /** {@code GET /.well-known/void}. */
    void voidDescription(Context ctx) {
        long sequence = store.lastSequence();
        Kept kept = voidDescription.get();
        if (kept == null || kept.sequence() != sequence) {
            kept = new Kept(sequence, buildVoid());
            voidDescription.set(kept);
        }
        RdfDocument.send(ctx, kept.model(), context);
    }

    /** {@code GET /catalog}. */
    void catalog(Context ctx) {
        RdfDocument.send(ctx, buildCatalog(), context);
    }

    private Model buildVoid() {
        Model m = new LinkedHashModel();
        m.setNamespace(VOID.NS);
        m.setNamespace(DCTERMS.NS);
        m.setNamespace("chm", CHM.NAMESPACE);
        IRI dataset = Values.iri(base + ".well-known/void#records");
        m.add(dataset, RDF.TYPE, VOID.DATASET);
        m.add(dataset, DCTERMS.TITLE, Values.literal("Records of the CHM Exchange node " + base, "en"));
        m.add(dataset, FOAF.HOMEPAGE, Values.iri(base));
        m.add(dataset, VOID.URI_SPACE, Values.literal(base + "records/"));
        m.add(dataset, VOID.ROOT_RESOURCE, Values.iri(base + "records"));
        m.add(dataset, VOID.SPARQL_ENDPOINT, Values.iri(base + "sparql"));
        m.add(dataset, VOID.DATA_DUMP, Values.iri(base + DumpHandler.NQUADS.substring(1)));
        m.add(dataset, VOID.DATA_DUMP, Values.iri(base + DumpHandler.TURTLE.substring(1)));
        m.add(dataset, VOID.FEATURE, Values.iri("http://www.w3.org/ns/formats/N-Quads"));
        m.add(dataset, VOID.FEATURE, Values.iri("http://www.w3.org/ns/formats/Turtle"));
        VOCABULARIES.forEach(v -> m.add(dataset, VOID.VOCABULARY, Values.iri(v)));
        m.add(dataset, VOID.ENTITIES, integer(store.count(RecordQuery.ALL)));
        for (RecordType type : RecordType.values()) {
            BNode partition = Values.bnode();
            m.add(dataset, VOID.CLASS_PARTITION, partition);
            m.add(partition, VOID.CLASS, type.rdfClass());
            m.add(
                    partition,
                    VOID.ENTITIES,
                    integer(store.count(
                            new RecordQuery(Set.of(type), Set.of(), Set.of(), Set.of(), Set.of(), null, null))));
        }
        long[] counts = store.readPublic(snapshot -> {
            long[] c = new long[3];
            try (Stream<Statement> all = snapshot.find(null, null, null, null)) {
                all.filter(st -> RecordStore.isRecordGraph(st.getContext())).forEach(st -> {
                    c[0]++;
                    if (st.getPredicate().equals(CHM.cbdIdentifier)) {
                        c[1]++;
                    } else if (st.getPredicate().equals(CHM.informeaId)) {
                        c[2]++;
                    }
                });
            }
            snapshot.changeTime()
                    .ifPresent(t -> m.add(dataset, DCTERMS.MODIFIED, Values.literal(t.toString(), XSD.DATETIME)));
            return c;
        });
        m.add(dataset, VOID.TRIPLES, integer(counts[0]));
        linkset(m, dataset, "cbd", CHM.cbdIdentifier, CBD, "The CBD clearing-house (api.cbd.int)", counts[1]);
        linkset(m, dataset, "informea", CHM.informeaId, INFORMEA, "InforMEA", counts[2]);
        return m;
    }

    private void linkset(Model m, IRI dataset, String name, IRI predicate, IRI target, String title, long triples) {
        IRI linkset = Values.iri(base + ".well-known/void#" + name);
        m.add(dataset, VOID.SUBSET, linkset);
        m.add(linkset, RDF.TYPE, VOID.LINKSET);
        m.add(linkset, VOID.SUBJECTS_TARGET, dataset);
        m.add(linkset, VOID.OBJECTS_TARGET, target);
        m.add(linkset, VOID.LINK_PREDICATE, predicate);
        m.add(linkset, VOID.TRIPLES, integer(triples));
        m.add(target, RDF.TYPE, VOID.DATASET);
        m.add(target, DCTERMS.TITLE, Values.literal(title, "en"));
        m.add(target, FOAF.HOMEPAGE, target);
    }

    private Model buildCatalog() {
        Model m = new LinkedHashModel();
        m.setNamespace(DCAT.NS);
        m.setNamespace(DCTERMS.NS);
        IRI catalog = Values.iri(base + "catalog");
        m.add(catalog, RDF.TYPE, DCAT.CATALOG);
        m.add(catalog, DCTERMS.TITLE, Values.literal("CHM Exchange node " + base, "en"));
        m.add(catalog, FOAF.HOMEPAGE, Values.iri(base));
        IRI sparql = service(
                m,
                catalog,
                "sparql",
                "SPARQL 1.1 endpoint",
                base + "sparql",
                "https://www.w3.org/TR/sparql11-protocol/");
        IRI feed = service(
                m,
                catalog,
                "changes",
                "Change feed (Activity Streams 2.0)",
                base + "changes",
                "https://iiif.io/api/discovery/1.0/");
        IRI oai = service(
                m,
                catalog,
                "oai-pmh",
                "OAI-PMH 2.0 provider (oai_dc, rdf)",
                base + OaiHandler.PATH.substring(1),
                "http://www.openarchives.org/OAI/2.0/openarchivesprotocol.htm");
        Map<String, String> dumps = Map.of("nquads", DumpHandler.NQUADS, "turtle", DumpHandler.TURTLE);
        for (RecordType type : RecordType.values()) {
            IRI dataset = Values.iri(base + "catalog#" + type.slug());
            m.add(catalog, DCAT.HAS_DATASET, dataset);
            m.add(dataset, RDF.TYPE, DCAT.DATASET);
            m.add(dataset, DCTERMS.TITLE, Values.literal(type.rdfClass().getLocalName() + " records of " + base, "en"));
            m.add(dataset, DCTERMS.TYPE, type.rdfClass());
            m.add(sparql, DCAT.SERVES_DATASET, dataset);
            m.add(feed, DCAT.SERVES_DATASET, dataset);
            m.add(oai, DCAT.SERVES_DATASET, dataset);
            IRI harvest = Values.iri(base + "catalog#" + type.slug() + "-oai-pmh");
            m.add(dataset, DCAT.HAS_DISTRIBUTION, harvest);
            m.add(harvest, RDF.TYPE, DCAT.DISTRIBUTION);
            m.add(
                    harvest,
                    DCAT.ACCESS_URL,
                    Values.iri(base + "oai?verb=ListRecords&metadataPrefix=rdf&set=type:" + type.slug()));
            m.add(harvest, DCAT.ACCESS_SERVICE, oai);
            IRI list = Values.iri(base + "catalog#" + type.slug() + "-list");
            m.add(dataset, DCAT.HAS_DISTRIBUTION, list);
            m.add(list, RDF.TYPE, DCAT.DISTRIBUTION);
            m.add(list, DCAT.ACCESS_URL, Values.iri(base + "records?type=" + type.slug()));
            m.add(list, DCAT.MEDIA_TYPE, Values.iri("http://www.iana.org/assignments/media-types/application/ld+json"));
            dumps.forEach((name, path) -> {
                IRI dump = Values.iri(base + "catalog#dump-" + name);
                m.add(dataset, DCAT.HAS_DISTRIBUTION, dump);
                m.add(dump, RDF.TYPE, DCAT.DISTRIBUTION);
                m.add(dump, DCAT.DOWNLOAD_URL, Values.iri(base + path.substring(1)));
                m.add(
                        dump,
                        DCAT.MEDIA_TYPE,
                        Values.iri("http://www.iana.org/assignments/media-types/"
                                + (name.equals("nquads") ? "application/n-quads" : "text/turtle")));
                m.add(dump, DCAT.COMPRESS_FORMAT, GZIP);
                m.add(dump, DCAT.ACCESS_SERVICE, sparql);
            });
        }
        return m;
    }

    private IRI service(Model m, IRI catalog, String name, String title, String endpoint, String standard) {
        IRI service = Values.iri(base + "catalog#" + name);
        m.add(catalog, DCAT.HAS_SERVICE, service);
        m.add(service, RDF.TYPE, DCAT.DATA_SERVICE);
        m.add(service, DCTERMS.TITLE, Values.literal(title, "en"));
        m.add(service, DCAT.ENDPOINT_URL, Values.iri(endpoint));
        m.add(service, DCTERMS.CONFORMS_TO, Values.iri(standard));
        return service;
    }

    private static org.eclipse.rdf4j.model.Literal integer(long n) {
        return Values.literal(java.math.BigInteger.valueOf(n));
    }
}
