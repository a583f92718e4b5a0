package org.chmexchange.admission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chmexchange.validation.ValidationReport;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

/**
 * The records of one inbound unit (a request body, a harvested page) on their way through the
 * pipeline: the records still admitted, each with its statements (no graph names), what was
 * rejected and why, and how many statements belonged to no record. Gates remove records by
 * {@link #reject}; the models are shared, not copied, so a step may also change a record's
 * statements (attribution).
 *
 * <p>Not thread-safe: one pipeline run owns it.
 */
public final class Batch {

    private final Map<IRI, Model> records;
    private final List<Rejection> rejections;
    private final long dropped;
    private final Resource firstDropped;

    Batch(Map<IRI, Model> records, List<Rejection> rejections, long dropped, Resource firstDropped) {
        this.records = records;
        this.rejections = new ArrayList<>(rejections);
        this.dropped = dropped;
        this.firstDropped = firstDropped;
    }

    /** A batch of already-split records (each entry's statements are that record's), none rejected. */
    public static Batch of(Map<IRI, Model> records) {
        return new Batch(new LinkedHashMap<>(records), List.of(), 0, null);
    }

    /** The admitted records, in order of first appearance; the live map (see {@link #reject}). */
    public Map<IRI, Model> records() {
        return Collections.unmodifiableMap(records);
    }

    /** The statements of every admitted record, in one model. */
    public Model statements() {
        Model all = new LinkedHashModel();
        records.values().forEach(all::addAll);
        return all;
    }

    /** Every rejection so far, in order. */
    public List<Rejection> rejections() {
        return Collections.unmodifiableList(rejections);
    }

    /** Statements that belonged to no record of the input (and were left out). */
    public long dropped() {
        return dropped;
    }

    /** The subject of the first statement that belonged to no record, or null if none did. */
    public Resource firstDropped() {
        return firstDropped;
    }

    /** Whether nothing was rejected. */
    public boolean clean() {
        return rejections.isEmpty();
    }

    /** Removes a record from the batch, saying which gate refused it and why. */
    public void reject(Resource subject, String gate, String reason) {
        reject(subject, gate, reason, null);
    }

    /** Removes a record from the batch with the validation report that refused it. */
    public void reject(Resource subject, String gate, String reason, ValidationReport report) {
        Objects.requireNonNull(subject, "subject");
        if (subject.isIRI()) {
            records.remove((IRI) subject);
        }
        rejections.add(new Rejection(subject, gate, reason, report));
    }
}
