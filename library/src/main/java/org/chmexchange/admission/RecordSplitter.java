package org.chmexchange.admission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chmexchange.model.RecordIris;
import org.chmexchange.model.RecordType;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.DynamicModelFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;

/**
 * The one splitter of the admission pipeline: an RDF4J {@code RDFHandler} that takes statements as
 * a parser or a mapper emits them and groups them by record, by the rule of {@link RecordIris}: a
 * record is a subject typed with a record class ({@code chm:Decision}, ...); a statement belongs to
 * the record named by its subject up to the first {@code #}. Graph names are dropped (the pipeline
 * decides the graph). Statements are grouped as they arrive, so the record class may come after a
 * record's other statements; memory is that of the records of one unit (a body, a page).
 *
 * <p>{@link #batch()} gives the records; blank nodes typed with a record class and subjects with
 * several record classes are rejected there (gate {@value Rejection#SPLIT}), and statements that
 * belong to no record are counted as dropped. Records come in the order of their first statement.
 *
 * <p>Not thread-safe; one splitter per unit. Reusable after {@link #startRDF()}.
 */
public final class RecordSplitter extends AbstractRDFHandler {

    /** Models that index lazily: splitting never filters, so it never pays for indexes. */
    private static final DynamicModelFactory MODELS = new DynamicModelFactory();

    private final Map<IRI, Model> byOwner = new LinkedHashMap<>();
    private final Map<Resource, Set<IRI>> classes = new LinkedHashMap<>();
    private long blankSubjectStatements;
    private Resource firstBlankSubject;

    @Override
    public void startRDF() {
        byOwner.clear();
        classes.clear();
        blankSubjectStatements = 0;
        firstBlankSubject = null;
    }

    @Override
    public void handleStatement(Statement st) {
        Resource subject = st.getSubject();
        if (st.getPredicate().equals(RDF.TYPE)
                && st.getObject().isIRI()
                && RecordType.fromClass((IRI) st.getObject()).isPresent()) {
            classes.computeIfAbsent(subject, s -> new LinkedHashSet<>()).add((IRI) st.getObject());
        }
        IRI owner = RecordIris.ownerOf(subject);
        if (owner == null) {
            blankSubjectStatements++;
            if (firstBlankSubject == null) {
                firstBlankSubject = subject;
            }
            return;
        }
        byOwner.computeIfAbsent(owner, o -> MODELS.createEmptyModel()).add(subject, st.getPredicate(), st.getObject());
    }

    /** Feeds every statement of {@code model} (a convenience for sources that hold a page in memory). */
    public RecordSplitter addAll(Iterable<Statement> statements) {
        statements.forEach(this::handleStatement);
        return this;
    }

    /**
     * The records of what was handled, in order of first appearance, with the splitter's
     * rejections and the count of statements that belong to no record.
     */
    public Batch batch() {
        Map<IRI, Model> records = new LinkedHashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Map.Entry<Resource, Set<IRI>> c : classes.entrySet()) {
            Resource subject = c.getKey();
            if (!subject.isIRI()) {
                rejections.add(new Rejection(
                        subject,
                        Rejection.SPLIT,
                        "A record must have an IRI, not a blank node (a "
                                + c.getValue().iterator().next().getLocalName() + " has none)",
                        null));
            } else if (c.getValue().size() > 1) {
                rejections.add(new Rejection(
                        subject,
                        Rejection.SPLIT,
                        "<" + subject + "> has " + c.getValue().size() + " record classes; a record has exactly one"
                                + " (chm:Treaty, chm:Meeting, chm:Decision, ...)",
                        null));
            }
        }
        // Records in order of their first statement; a typed IRI with a #fragment has no statements
        // of its own (they belong to the record before the #) and is left to the record-IRI gate.
        for (Map.Entry<IRI, Model> o : byOwner.entrySet()) {
            Set<IRI> c = classes.get(o.getKey());
            if (c != null && c.size() == 1) {
                records.put(o.getKey(), o.getValue());
            }
        }
        for (Map.Entry<Resource, Set<IRI>> c : classes.entrySet()) {
            if (c.getKey() instanceof IRI iri && c.getValue().size() == 1 && !records.containsKey(iri)) {
                records.put(iri, MODELS.createEmptyModel());
            }
        }
        long dropped = blankSubjectStatements;
        Resource firstDropped = null;
        for (Map.Entry<IRI, Model> o : byOwner.entrySet()) {
            if (!records.containsKey(o.getKey())) {
                dropped += o.getValue().size();
                if (firstDropped == null) {
                    firstDropped = o.getValue().iterator().next().getSubject();
                }
            }
        }
        return new Batch(records, rejections, dropped, firstDropped == null ? firstBlankSubject : firstDropped);
    }
}
