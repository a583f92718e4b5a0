package org.chmexchange.jena;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.chmexchange.admission.Admission;
import org.chmexchange.admission.Batch;
import org.chmexchange.admission.Gates;
import org.chmexchange.admission.RecordSplitter;
import org.chmexchange.admission.Rejection;
import org.chmexchange.harvest.HarvestPage;
import org.chmexchange.harvest.HarvestSink;
import org.chmexchange.harvest.HarvestState;
import org.chmexchange.model.RecordType;
import org.chmexchange.rdf.JenaTerms;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Values;

/**
 * A harvest sink that writes into a Jena dataset (TDB2: {@code TDB2Factory.connectDataset(dir)}, or
 * in memory: {@code DatasetGraphFactory.createTxnMem()}): any of the library's harvesters (peer,
 * rdf-dump, sparql, oai-pmh, cbd, odata) hands it its pages, and each page is admitted (split into
 * records, then the gates: record IRIs, and SHACL validation if asked) and written in one write
 * transaction of the dataset together with the harvest state, so a harvest stopped at any moment
 * resumes from the last page written ({@link #state}). Each record replaces its earlier version
 * (itself and its {@code #fragment} resources) in the sink's named graph; deletions and the snapshot
 * sweep of a full harvest remove records of that graph only.
 *
 * <p>The state is kept in the dataset's graph {@value #STATE_GRAPH}, one subject per source. Records
 * a gate refused are left out and listed ({@link #rejections}).
 *
 * <p>Thread-safety: called from the harvesting thread only, as {@link HarvestSink} says. The dataset
 * must be transactional; the sink never closes it.
 */
public final class JenaHarvestSink implements HarvestSink {

    /** The named graph of the harvest states. */
    public static final String STATE_GRAPH = "urn:chm-exchange:harvest-state";

    private static final String KEY_PREFIX = "urn:chm-exchange:harvest-state:key:";

    private final DatasetGraph dataset;
    private final String source;
    private final Node graph;
    private final Node stateSubject;
    private final Admission admission;
    private final Set<String> seen = new HashSet<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private long written;
    private long deleted;

    /**
     * A sink writing the records of {@code source} into the named graph {@code graphIri} of {@code
     * dataset}, through {@code admission}.
     *
     * @param source the source's name (its state's key); not blank
     * @param graphIri an absolute IRI
     * @throws IllegalArgumentException if the dataset is not transactional or the source is blank
     */
    public JenaHarvestSink(DatasetGraph dataset, String source, String graphIri, Admission admission) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        if (!dataset.supportsTransactions()) {
            throw new IllegalArgumentException("A harvest sink needs a transactional dataset (TDB2, or createTxnMem)");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("A harvest sink needs the source's name");
        }
        this.source = source;
        this.graph = NodeFactory.createURI(
                Values.iri(Objects.requireNonNull(graphIri, "graphIri")).stringValue());
        this.stateSubject =
                NodeFactory.createURI(STATE_GRAPH + ":" + URLEncoder.encode(source, StandardCharsets.UTF_8));
        this.admission = Objects.requireNonNull(admission, "admission");
    }

    /** A sink that admits records with valid IRIs that conform to the project's SHACL shapes. */
    public static JenaHarvestSink validating(
            DatasetGraph dataset, String source, String graphIri, RecordValidator validator) {
        return new JenaHarvestSink(
                dataset, source, graphIri, Admission.of(Gates.recordIris(), Gates.validation(validator)));
    }

    /** The state the last written page left for this source, {@link HarvestState#EMPTY} before any. */
    public HarvestState state() {
        return Txn.calculateRead(dataset, () -> {
            Map<String, String> values = new LinkedHashMap<>();
            dataset.find(NodeFactory.createURI(STATE_GRAPH), stateSubject, Node.ANY, Node.ANY)
                    .forEachRemaining(q -> values.put(
                            URLDecoder.decode(
                                    q.getPredicate().getURI().substring(KEY_PREFIX.length()), StandardCharsets.UTF_8),
                            q.getObject().getLiteralLexicalForm()));
            return new HarvestState(values);
        });
    }

    /**
     * Admits the page's records and writes them, its deletions and its state in one transaction.
     *
     * @throws org.apache.jena.dboe.transaction.txn.TransactionException or another runtime exception
     *     of the dataset if the write fails; nothing of the page is written then
     */
    @Override
    public void page(HarvestPage page) {
        Batch batch =
                admission.admit(new RecordSplitter().addAll(page.records()).batch());
        // A record whose new version a gate refused is still at the source: the sweep keeps its last one.
        Set<String> seenNow = new HashSet<>(seen);
        batch.records().keySet().forEach(iri -> seenNow.add(iri.stringValue()));
        batch.rejections().forEach(r -> seenNow.add(r.subject().stringValue()));
        long[] deletedNow = {0};
        Txn.executeWrite(dataset, () -> {
            for (Map.Entry<IRI, Model> record : batch.records().entrySet()) {
                removeRecord(record.getKey().stringValue());
                for (Statement st : record.getValue()) {
                    dataset.add(Quad.create(
                            graph,
                            JenaTerms.node(st.getSubject()),
                            JenaTerms.node(st.getPredicate()),
                            JenaTerms.node(st.getObject())));
                }
            }
            for (IRI gone : page.deletes()) {
                if (removeRecord(gone.stringValue())) {
                    deletedNow[0]++;
                }
            }
            if (page.snapshot()) {
                Set<String> keep = new HashSet<>(seenNow);
                page.present().forEach(p -> keep.add(p.stringValue()));
                for (String iri : recordsOfGraph()) {
                    if (!keep.contains(iri) && removeRecord(iri)) {
                        deletedNow[0]++;
                    }
                }
            }
            Node stateGraph = NodeFactory.createURI(STATE_GRAPH);
            dataset.deleteAny(stateGraph, stateSubject, Node.ANY, Node.ANY);
            page.state()
                    .values()
                    .forEach((k, v) -> dataset.add(Quad.create(
                            stateGraph,
                            stateSubject,
                            NodeFactory.createURI(KEY_PREFIX + URLEncoder.encode(k, StandardCharsets.UTF_8)),
                            NodeFactory.createLiteralString(v))));
        });
        // Counted once the transaction committed: a page that failed counts for nothing.
        seen.addAll(seenNow);
        deleted += deletedNow[0];
        written += batch.records().size();
        rejections.addAll(batch.rejections());
    }

    @Override
    public void notice(IRI record, String message) {
        notices.add((record == null ? "" : "<" + record + "> ") + message);
    }

    /** Records written (created or replaced) so far. */
    public long written() {
        return written;
    }

    /** Records deleted so far (tombstones and the snapshot sweep). */
    public long deleted() {
        return deleted;
    }

    /** The records a gate refused, with why; in the order they came. */
    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** What the harvester reported without failing ({@link HarvestSink#notice}). */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** Removes a record and its #fragment resources from the sink's graph; whether it was there. */
    private boolean removeRecord(String iri) {
        Node record = NodeFactory.createURI(iri);
        String prefix = iri + "#";
        List<Node> fragments = new ArrayList<>();
        boolean[] found = {false};
        dataset.find(graph, record, Node.ANY, Node.ANY).forEachRemaining(q -> {
            found[0] = true;
            if (q.getObject().isURI() && q.getObject().getURI().startsWith(prefix)) {
                fragments.add(q.getObject());
            }
        });
        dataset.deleteAny(graph, record, Node.ANY, Node.ANY);
        fragments.forEach(f -> dataset.deleteAny(graph, f, Node.ANY, Node.ANY));
        return found[0];
    }

    /** The records of the sink's graph: IRIs typed with a record class. */
    private List<String> recordsOfGraph() {
        List<String> iris = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            dataset.find(
                            graph,
                            Node.ANY,
                            RDF.type.asNode(),
                            NodeFactory.createURI(type.rdfClass().stringValue()))
                    .forEachRemaining(q -> {
                        if (q.getSubject().isURI()) {
                            iris.add(q.getSubject().getURI());
                        }
                    });
        }
        return iris;
    }

    /** The source this sink writes. */
    public String source() {
        return source;
    }
}
