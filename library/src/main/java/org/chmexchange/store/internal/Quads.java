package org.chmexchange.store.internal;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;

/**
 * Statement-level access to a quad store inside one transaction (read or write), in RDF4J terms
 * whatever the engine. Valid only inside the {@link QuadStore#read} or {@link QuadStore#write} call
 * that handed it out; not thread-safe.
 */
public interface Quads {

    /**
     * Calls {@code sink} with every statement matching the pattern, each with its graph; a null
     * term matches anything, a null {@code graph} any named graph.
     */
    void find(Resource subject, IRI predicate, Value object, IRI graph, Consumer<Statement> sink);

    /**
     * The statements matching the pattern, each with its graph (nulls as in {@link #find}), pulled
     * one by one from the engine; the caller closes the stream (its engine iterator) before the
     * transaction ends.
     */
    Stream<Statement> stream(Resource subject, IRI predicate, Value object, IRI graph);

    /**
     * Calls {@code sink} with every statement whose subject is one of {@code subjects} (in {@code
     * graph}, or any named graph if null), in no particular order. An engine that pays per call (a
     * remote store) answers it in a few requests; the default calls {@link #find} per subject.
     */
    default void findSubjects(java.util.Collection<? extends Resource> subjects, IRI graph, Consumer<Statement> sink) {
        for (Resource s : subjects) {
            find(s, null, null, graph, sink);
        }
    }

    /**
     * Calls {@code sink} with every statement about each of {@code subjects} and about each IRI
     * {@code subject#…} a statement of that subject has as its object (any named graph): records and
     * their nested resources (RecordIris). The default reads the subjects, then the fragments, in two
     * batched look-ups; a remote engine reads each subject with its fragments in one request.
     */
    default void findWithFragments(java.util.Collection<? extends IRI> subjects, Consumer<Statement> sink) {
        java.util.Set<Resource> fragments = new java.util.LinkedHashSet<>();
        findSubjects(subjects, null, st -> {
            sink.accept(st);
            if (st.getObject().isIRI()
                    && st.getObject().stringValue().startsWith(st.getSubject().stringValue() + "#")) {
                fragments.add((IRI) st.getObject());
            }
        });
        findSubjects(fragments, null, sink);
    }

    /**
     * Whether batched look-ups ({@link #findSubjects}) cost much less than the single ones they
     * replace, as on a remote engine, so that reading ahead pays; false (the default) for an engine
     * in this process.
     */
    default boolean batches() {
        return false;
    }

    /** Whether at least one statement matches (nulls as in {@link #find}). */
    boolean contains(Resource subject, IRI predicate, Value object, IRI graph);

    /** Number of statements in the store, every graph. */
    long size();

    /**
     * Adds a statement to a named graph.
     *
     * @throws IllegalStateException in a read transaction
     */
    void add(Resource subject, IRI predicate, Value object, IRI graph);

    /**
     * Removes a statement (its graph is {@link Statement#getContext()}, which must be set).
     *
     * @throws IllegalStateException in a read transaction
     */
    void remove(Statement statement);

    /**
     * Removes every statement of a named graph.
     *
     * @throws IllegalStateException in a read transaction
     */
    void clear(IRI graph);
}
