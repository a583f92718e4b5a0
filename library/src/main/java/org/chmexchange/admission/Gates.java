package org.chmexchange.admission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.chmexchange.model.RecordIris;
import org.chmexchange.model.RecordType;
import org.chmexchange.rdf.TermCheck;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.validation.ValidationReport;
import org.chmexchange.validation.Violation;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/** The library's gates, one place for each rule. */
public final class Gates {

    /** Name of the record-IRI gate. */
    public static final String IRI = "iri";
    /** Name of the ownership gate. */
    public static final String OWNERSHIP = "ownership";
    /** Name of the term gate. */
    public static final String TERMS = "terms";
    /** Name of the validation gate. */
    public static final String VALIDATION = "validation";
    /** Name of the step that carries a harvested record's time of change at its source. */
    public static final String MODIFIED_AT_SOURCE = "modified-at-source";
    /** Name of the revision gate. */
    public static final String REVISION = "revision";

    private Gates() {}

    /** Rejects records whose IRI cannot name a record ({@link RecordIris#refusal}). */
    public static Gate recordIris() {
        return Gate.of(IRI, batch -> {
            for (IRI iri : List.copyOf(batch.records().keySet())) {
                RecordIris.refusal(iri).ifPresent(reason -> batch.reject(iri, IRI, reason));
            }
        });
    }

    /**
     * Rejects records under {@code {base}records/} whose path names another type than theirs
     * ({@link RecordIris#mintedTypeRefusal}); reported under the record-IRI gate's name.
     */
    public static Gate mintedTypes(String base) {
        Objects.requireNonNull(base, "base");
        return Gate.of(IRI, batch -> {
            for (Map.Entry<IRI, Model> e : List.copyOf(batch.records().entrySet())) {
                for (org.eclipse.rdf4j.model.Value type :
                        e.getValue().filter(e.getKey(), RDF.TYPE, null).objects()) {
                    Optional<RecordType> recordType =
                            type.isIRI() ? RecordType.fromClass((IRI) type) : Optional.empty();
                    Optional<String> refusal =
                            recordType.flatMap(t -> RecordIris.mintedTypeRefusal(base, e.getKey(), t));
                    if (refusal.isPresent()) {
                        batch.reject(e.getKey(), IRI, refusal.get());
                        break;
                    }
                }
            }
        });
    }

    /**
     * Rejects records with a literal the node could not write in every format: an ill-formed
     * language tag or a character XML 1.0 cannot carry ({@link TermCheck#problem}).
     */
    public static Gate terms() {
        return Gate.of(TERMS, batch -> {
            for (Map.Entry<IRI, Model> e : List.copyOf(batch.records().entrySet())) {
                for (org.eclipse.rdf4j.model.Statement st : e.getValue()) {
                    String problem = TermCheck.problem(st);
                    if (problem != null) {
                        batch.reject(e.getKey(), TERMS, problem);
                        break;
                    }
                }
            }
        });
    }

    /**
     * Rejects records that {@code store} holds in a graph other than {@code graph}: a path only
     * overwrites what it wrote itself (a publisher its own records, a source what it gave). The
     * store applies the same rule again inside its write ({@code WriteRequest#confined}) against a
     * writer that took a record in between.
     */
    public static Gate ownership(RecordStore store, org.eclipse.rdf4j.model.IRI graph) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(graph, "graph");
        return Gate.of(OWNERSHIP, batch -> {
            for (IRI iri : List.copyOf(batch.records().keySet())) {
                heldElsewhere(store, graph, iri)
                        .ifPresent(holder -> batch.reject(iri, OWNERSHIP, "held in <" + holder + ">"));
            }
        });
    }

    /** The graph holding {@code iri} if the store holds it elsewhere than in {@code graph}. */
    public static Optional<IRI> heldElsewhere(RecordStore store, IRI graph, IRI iri) {
        Optional<IRI> holder = store.graphOf(iri);
        return holder.isPresent() && !holder.get().equals(graph) ? holder : Optional.empty();
    }

    /**
     * Not a check but a step: gives every record of the batch its {@code chm:modifiedAtSource}
     * ({@link ModifiedAtSource#carry}); rejects nothing. Harvests run it before validation, so that
     * a record unchanged at its source compares equal to the stored copy.
     */
    public static Gate modifiedAtSource() {
        return Gate.of(MODIFIED_AT_SOURCE, batch -> batch.records()
                .forEach((iri, record) -> ModifiedAtSource.carry(record, iri)));
    }

    /**
     * Rejects a record whose {@code chm:cbdRevision} is lower than that of the copy {@code graph}
     * holds: a source's index that serves an older revision again (a stale replica, a revision
     * withdrawn) never replaces a newer one. Records without the property, and records {@code graph}
     * does not hold, pass; so does a record whose stored copy has no revision.
     */
    public static Gate revisions(RecordStore store, IRI graph) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(graph, "graph");
        return Gate.of(REVISION, batch -> {
            for (Map.Entry<IRI, Model> e : List.copyOf(batch.records().entrySet())) {
                OptionalLong incoming = revision(e.getValue(), e.getKey());
                if (incoming.isEmpty()
                        || !graph.equals(store.graphOf(e.getKey()).orElse(null))) {
                    continue;
                }
                OptionalLong held =
                        store.get(e.getKey()).map(m -> revision(m, e.getKey())).orElse(OptionalLong.empty());
                if (held.isPresent() && held.getAsLong() > incoming.getAsLong()) {
                    batch.reject(
                            e.getKey(),
                            REVISION,
                            "the source sent revision " + incoming.getAsLong() + ", older than revision "
                                    + held.getAsLong() + " held; the held one is kept");
                }
            }
        });
    }

    private static OptionalLong revision(Model record, IRI iri) {
        for (org.eclipse.rdf4j.model.Value v :
                record.filter(iri, CHM.cbdRevision, null).objects()) {
            if (v instanceof org.eclipse.rdf4j.model.Literal l) {
                try {
                    return OptionalLong.of(l.longValue());
                } catch (NumberFormatException notNumber) {
                    return OptionalLong.empty(); // validation reports the malformed revision
                }
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Validates what changed: the records of the batch that {@code graph} does not already hold with
     * the same content ({@link RecordStore#unchangedIn}) are validated as {@link #validation(RecordValidator)}
     * does; an unchanged record passes without validation (it was valid when it was stored, and the
     * store will leave it as it is). The reports of the records validated are the same as when the
     * whole batch is validated: shapes look at a record and the reference data, never at other
     * records. After an upgrade of the shapes or the thesaurus, stored records are validated again
     * only when they change.
     */
    public static Gate validation(RecordValidator validator, RecordStore store, IRI graph) {
        Gate all = validation(validator);
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(graph, "graph");
        return Gate.of(VALIDATION, batch -> {
            Set<IRI> unchanged = store.unchangedIn(graph, batch.records());
            if (unchanged.isEmpty()) {
                all.check(batch);
                return;
            }
            Map<IRI, Model> changed = new LinkedHashMap<>(batch.records());
            changed.keySet().removeAll(unchanged);
            if (changed.isEmpty()) {
                return;
            }
            Batch toValidate = Batch.of(changed);
            all.check(toValidate);
            for (Rejection r : toValidate.rejections()) {
                batch.reject(r.subject(), r.gate(), r.reason(), r.report());
            }
        });
    }

    /**
     * Validates the batch against the SHACL shapes in one call and rejects each record with the
     * violations whose focus node is the record or one of its nested resources. Violations that
     * belong to no record of the batch (none should) reject every record, with the whole report.
     */
    public static Gate validation(RecordValidator validator) {
        Objects.requireNonNull(validator, "validator");
        return Gate.of(VALIDATION, batch -> {
            ValidationReport report = validator.validate(batch.statements());
            if (report.conforms()) {
                return;
            }
            Map<IRI, List<Violation>> byRecord = new LinkedHashMap<>();
            boolean unowned = false;
            for (Resource focus : report.focusNodes()) {
                IRI owner = RecordIris.ownerOf(focus);
                if (owner != null && batch.records().containsKey(owner)) {
                    byRecord.computeIfAbsent(owner, o -> new ArrayList<>()).addAll(report.violationsOf(focus));
                } else {
                    unowned = true;
                }
            }
            if (unowned) {
                for (IRI iri : List.copyOf(batch.records().keySet())) {
                    batch.reject(iri, VALIDATION, report.violations().size() + " violation(s)", report);
                }
                return;
            }
            byRecord.forEach((iri, violations) -> batch.reject(
                    iri, VALIDATION, violations.size() + " violation(s)", ValidationReport.of(violations)));
        });
    }
}
