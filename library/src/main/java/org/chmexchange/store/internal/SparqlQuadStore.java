package org.chmexchange.store.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.chmexchange.store.SparqlStoreSettings;
import org.chmexchange.store.StoreException;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A quad store on a remote SPARQL 1.1 store (Fuseki, GraphDB, Virtuoso), through RDF4J's {@link
 * SPARQLRepository}: reads are SPARQL 1.1 queries over the named graphs, and each write transaction
 * is one SPARQL 1.1 Update request, so the store is never left half-written: SPARQL 1.1 Update, §2.2
 * ("Each request SHOULD be treated atomically by a SPARQL 1.1 Update service"); the records, change
 * entries and settings of a write are, besides, one {@code DELETE/INSERT} operation, atomic on any
 * server.
 *
 * <p><b>Several processes on one store.</b> Writes are optimistic: a write transaction reads the
 * store's version (a counter in the graph {@link #META}), runs its work against the store with its
 * own changes laid over (so it reads what it wrote), and commits with an update whose {@code WHERE}
 * matches only if the version is still the one read, moving it on by one and leaving a receipt of
 * the write. An {@code ASK} for the receipt then says whether it applied; if another process wrote
 * in between, nothing of this write was applied, and the work is run again on the new state (at
 * most {@value #ATTEMPTS} times, with a random pause). Every write is thus applied to the state it
 * read, in one order, which is what keeps the change log's sequence numbers without a gap or a
 * duplicate whatever the number of writers. A write whose request failed in transit is settled by
 * the same {@code ASK}. The receipt of a process's previous write is removed by its next one (a
 * process that dies leaves one triple).
 *
 * <p>Limits: a write cannot remove a single statement with a blank node (a store's blank-node labels
 * do not survive between requests), only a whole graph; records never have one (their nested
 * resources are {@code #fragment} IRIs). The store's crash safety is the server's (Fuseki's TDB2:
 * docs/STORE.md).
 *
 * <p>Thread-safety: reads run concurrently; writes are serialised by the caller (the record store's
 * lock), across processes by the version. Lifecycle: closing shuts the repository down.
 */
public final class SparqlQuadStore implements QuadStore {

    private static final Logger LOG = LoggerFactory.getLogger(SparqlQuadStore.class);

    /** The graph (and subject) of the store's version and the write receipts. */
    public static final IRI META = Values.iri("urn:chm-exchange:sparql-store");

    private static final IRI VERSION = Values.iri("urn:chm-exchange:sparql-store:version");
    private static final IRI RECEIPT = Values.iri("urn:chm-exchange:sparql-store:Write");
    private static final String RECEIPT_PREFIX = "urn:chm-exchange:write:";
    private static final IRI TYPE = org.eclipse.rdf4j.model.vocabulary.RDF.TYPE;

    /** How many times a write is tried when other processes keep winning the race. */
    static final int ATTEMPTS = 30;

    /** Subjects per query of {@link Quads#findSubjects}. */
    private static final int SUBJECT_BATCH = 100;

    private final SPARQLRepository repository;
    private final String description;
    /** The receipt of this store's last write, removed by the next; guarded by the caller's lock. */
    private IRI lastReceipt;

    private SparqlQuadStore(SPARQLRepository repository, String description) {
        this.repository = repository;
        this.description = description;
    }

    /**
     * Connects to a remote store. Nothing is sent until the first read.
     *
     * @throws StoreException if the repository cannot be initialised
     */
    public static SparqlQuadStore connect(SparqlStoreSettings settings) {
        Objects.requireNonNull(settings, "settings");
        SPARQLRepository repository = new SPARQLRepository(
                settings.query().toString(), settings.update().toString()) {
            @Override
            protected org.eclipse.rdf4j.http.client.SPARQLProtocolSession createSPARQLProtocolSession() {
                // SPARQL 1.1 Query Results JSON, which every SPARQL 1.1 store serves; RDF4J's default
                // preference (its binary format, then XML) costs a fallback or an XML parser per answer.
                org.eclipse.rdf4j.http.client.SPARQLProtocolSession session = super.createSPARQLProtocolSession();
                session.setPreferredTupleQueryResultFormat(
                        org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat.JSON);
                session.setPreferredBooleanQueryResultFormat(
                        org.eclipse.rdf4j.query.resultio.BooleanQueryResultFormat.JSON);
                return session;
            }
        };
        if (settings.user() != null) {
            repository.setUsernameAndPassword(settings.user(), settings.password());
        }
        try {
            repository.init();
        } catch (RuntimeException e) {
            throw new StoreException("Cannot connect to the " + settings + ": " + e.getMessage(), e);
        }
        return new SparqlQuadStore(repository, settings.toString());
    }

    @Override
    public <T> T read(Function<Quads, T> work) {
        try (RepositoryConnection con = repository.getConnection()) {
            return work.apply(new Remote(con));
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isStoreFailure(e)) {
                throw new StoreException("Cannot read the " + description + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * Runs {@code work} and commits what it wrote as one guarded update; runs it again (with a
     * fresh view) if another process wrote in between. {@code work} must keep no state outside its
     * result, since it may run several times.
     *
     * @throws StoreException if the store fails, or other processes won {@value #ATTEMPTS} times in a
     *     row; nothing of this write was applied then
     */
    @Override
    public <T> T write(Function<Quads, T> work) {
        for (int attempt = 1; ; attempt++) {
            try (RepositoryConnection con = repository.getConnection()) {
                Remote remote = new Remote(con);
                long version = remote.version();
                Pending pending = new Pending(remote);
                T result = work.apply(pending);
                if (pending.isEmpty()) {
                    return result;
                }
                IRI receipt = Values.iri(RECEIPT_PREFIX + UUID.randomUUID());
                String update = pending.update(version, receipt, lastReceipt);
                RuntimeException sent = null;
                try {
                    con.prepareUpdate(QueryLanguage.SPARQL, update).execute();
                } catch (RuntimeException e) {
                    sent = e; // in transit or refused; a server still at it might apply it later:
                    fence(con, version); // now it cannot, and the receipt says for good
                }
                boolean applied;
                try {
                    applied = remote.ask(META, receipt, TYPE, RECEIPT);
                } catch (RuntimeException e) {
                    if (sent != null) {
                        e.addSuppressed(sent);
                    }
                    throw new StoreException(
                            "Cannot tell whether a write to the " + description + " applied: " + e.getMessage(), e);
                }
                if (applied) {
                    lastReceipt = receipt;
                    return result;
                }
                if (sent != null) {
                    throw new StoreException(
                            "The " + description + " refused a write; nothing of it was applied: " + sent.getMessage(),
                            sent);
                }
                if (attempt >= ATTEMPTS) {
                    throw new StoreException("Other processes wrote to the " + description + " first " + ATTEMPTS
                            + " times in a row; nothing of this write was applied");
                }
                LOG.debug(
                        "Another process wrote to the {} first (attempt {}): running the write again",
                        description,
                        attempt);
            } catch (StoreException e) {
                throw e;
            } catch (RuntimeException e) {
                if (isStoreFailure(e)) {
                    throw new StoreException("Cannot write to the " + description + ": " + e.getMessage(), e);
                }
                throw e;
            }
            pause(attempt);
        }
    }

    /**
     * After a write whose request failed (a timeout, a reset): moves the version on from {@code
     * version}, guarded like a write, so that the failed request, still in flight or not, can never
     * apply afterwards; its receipt then says for good whether it did. If the version had moved
     * already, the failed request applied or another write did, and it cannot apply later either.
     *
     * @throws StoreException if the fence cannot be sent either: the outcome of the write is unknown
     */
    private void fence(RepositoryConnection con, long version) {
        Pending none = new Pending(new Remote(con));
        try {
            con.prepareUpdate(
                            QueryLanguage.SPARQL,
                            none.update(version, Values.iri(RECEIPT_PREFIX + "fence-" + UUID.randomUUID()), null))
                    .execute();
        } catch (RuntimeException e) {
            throw new StoreException(
                    "A write to the " + description + " failed in transit and the store cannot be reached to settle"
                            + " it; whether it applied is unknown (a record store reopened will see): "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    /** Removes this store's last receipt (best effort: a leftover is one triple) and shuts the repository down. */
    @Override
    public void close() {
        try {
            if (lastReceipt != null) {
                try (RepositoryConnection con = repository.getConnection()) {
                    con.prepareUpdate(
                                    QueryLanguage.SPARQL,
                                    "DELETE DATA { GRAPH " + term(META) + " { " + term(lastReceipt) + " " + term(TYPE)
                                            + " " + term(RECEIPT) + " } }")
                            .execute();
                } catch (RuntimeException e) {
                    LOG.debug("The last write receipt stays in the {}: {}", description, e.toString());
                }
            }
        } finally {
            repository.shutDown();
        }
    }

    private static boolean isStoreFailure(RuntimeException e) {
        return e instanceof org.eclipse.rdf4j.repository.RepositoryException
                || e instanceof org.eclipse.rdf4j.query.QueryEvaluationException
                || e instanceof org.eclipse.rdf4j.query.UpdateExecutionException;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L + 10L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting to write again", e);
        }
    }

    /** A SPARQL term (N-Triples syntax, which SPARQL accepts), blank nodes relabelled by {@code labels}. */
    private static String term(Value v, Map<BNode, String> labels) {
        if (v instanceof BNode b) {
            return labels.computeIfAbsent(b, k -> "_:b" + labels.size());
        }
        return term(v);
    }

    /**
     * A term in SPARQL syntax: N-Triples' (RDF4J's writer escapes the literals' text), after checking
     * what that writer passes through as it is: an IRI may hold none of the characters SPARQL's
     * IRIREF excludes (angle brackets, quote, braces, bar, caret, backquote, backslash, space and
     * controls; a Unicode escape would be decoded by the server first, so none is written), and a
     * language tag must be a BCP 47 tag. Nothing but a term ever reaches the query or update text.
     *
     * @throws StoreException for a blank node (the callers handle those), a forbidden IRI or a bad tag
     */
    private static String term(Value v) {
        if (v instanceof BNode) {
            throw new StoreException("A remote SPARQL store cannot be asked about a single blank node");
        }
        if (v instanceof IRI iri) {
            checkIri(iri.stringValue());
        } else if (v instanceof org.eclipse.rdf4j.model.Literal l) {
            checkIri(l.getDatatype().stringValue());
            if (l.getLanguage().isPresent()
                    && !LANGUAGE_TAG.matcher(l.getLanguage().get()).matches()) {
                throw new StoreException(
                        "Not a language tag: '" + l.getLanguage().get() + "'; nothing was written");
            }
        }
        return NTriplesUtil.toNTriplesString(v, false);
    }

    private static final java.util.regex.Pattern LANGUAGE_TAG =
            java.util.regex.Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private static final String NOT_IN_IRI = "<>\"{}|^`\\";

    private static void checkIri(String iri) {
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c <= 0x20 || NOT_IN_IRI.indexOf(c) >= 0) {
                throw new StoreException("An IRI with a character SPARQL does not allow in it (U+"
                        + String.format("%04X", (int) c) + "): <" + iri + ">; nothing was written");
            }
        }
    }

    /** The store as it is on the server (one connection). */
    private static final class Remote implements Quads {
        private final RepositoryConnection con;

        Remote(RepositoryConnection con) {
            this.con = con;
        }

        long version() {
            String q = "SELECT ?v WHERE { GRAPH " + term(META) + " { " + term(META) + " " + term(VERSION) + " ?v } }";
            try (TupleQueryResult r =
                    con.prepareTupleQuery(QueryLanguage.SPARQL, q).evaluate()) {
                long version = 0;
                int count = 0;
                for (BindingSet b : r) {
                    version = Long.parseLong(b.getValue("v").stringValue());
                    count++;
                }
                if (count > 1) {
                    throw new StoreException("The SPARQL store holds " + count + " versions in <" + META
                            + ">: it was written by another tool");
                }
                return version;
            } catch (NumberFormatException e) {
                throw new StoreException("The SPARQL store's version in <" + META + "> is not a number", e);
            }
        }

        /** The quad pattern, the null terms as the variables ?s ?p ?o ?g (statement() reads them back). */
        private static String pattern(Resource subject, IRI predicate, Value object, IRI graph) {
            return "GRAPH " + (graph == null ? "?g" : term(graph)) + " { " + (subject == null ? "?s" : term(subject))
                    + " " + (predicate == null ? "?p" : term(predicate)) + " " + (object == null ? "?o" : term(object))
                    + " }";
        }

        boolean ask(IRI graph, Resource s, IRI p, Value o) {
            return con.prepareBooleanQuery(
                            QueryLanguage.SPARQL,
                            "ASK { GRAPH " + term(graph) + " { " + term(s) + " " + term(p) + " " + term(o) + " } }")
                    .evaluate();
        }

        @Override
        public void find(Resource subject, IRI predicate, Value object, IRI graph, Consumer<Statement> sink) {
            try (Stream<Statement> sts = stream(subject, predicate, object, graph)) {
                sts.forEach(sink);
            }
        }

        @Override
        public Stream<Statement> stream(Resource subject, IRI predicate, Value object, IRI graph) {
            String q = "SELECT * WHERE { " + pattern(subject, predicate, object, graph) + " }";
            TupleQueryResult result =
                    con.prepareTupleQuery(QueryLanguage.SPARQL, q).evaluate();
            return result.stream()
                    .map(b -> statement(b, subject, predicate, object, graph))
                    .onClose(result::close);
        }

        @Override
        public void findSubjects(Collection<? extends Resource> subjects, IRI graph, Consumer<Statement> sink) {
            List<? extends Resource> all = new ArrayList<>(new LinkedHashSet<>(subjects));
            for (int from = 0; from < all.size(); from += SUBJECT_BATCH) {
                StringBuilder q = new StringBuilder("SELECT * WHERE { VALUES ?s {");
                for (Resource s : all.subList(from, Math.min(all.size(), from + SUBJECT_BATCH))) {
                    q.append(' ').append(term(s));
                }
                q.append(" } GRAPH ").append(graph == null ? "?g" : term(graph)).append(" { ?s ?p ?o } }");
                try (TupleQueryResult result = con.prepareTupleQuery(QueryLanguage.SPARQL, q.toString())
                        .evaluate()) {
                    for (BindingSet b : result) {
                        sink.accept(statement(b, null, null, null, graph));
                    }
                }
            }
        }

        @Override
        public void findWithFragments(Collection<? extends IRI> subjects, Consumer<Statement> sink) {
            List<? extends IRI> all = new ArrayList<>(new LinkedHashSet<>(subjects));
            for (int from = 0; from < all.size(); from += SUBJECT_BATCH) {
                StringBuilder values = new StringBuilder("VALUES ?r {");
                for (IRI r : all.subList(from, Math.min(all.size(), from + SUBJECT_BATCH))) {
                    values.append(' ').append(term(r));
                }
                values.append(" }");
                // Each subject's statements and those of the #fragment IRIs it links to, in one request:
                // a record is never read half before and half after another process's write.
                String q = "SELECT ?s ?p ?o ?g WHERE { { " + values + " GRAPH ?g { ?r ?p ?o } BIND(?r AS ?s) } UNION"
                        + " { { SELECT DISTINCT ?s WHERE { " + values + " GRAPH ?h { ?r ?l ?s }"
                        + " FILTER(isIRI(?s) && STRSTARTS(STR(?s), CONCAT(STR(?r), \"#\"))) } }"
                        + " GRAPH ?g { ?s ?p ?o } } }";
                try (TupleQueryResult result =
                        con.prepareTupleQuery(QueryLanguage.SPARQL, q).evaluate()) {
                    for (BindingSet b : result) {
                        sink.accept(statement(b, null, null, null, null));
                    }
                }
            }
        }

        private static Statement statement(BindingSet b, Resource s, IRI p, Value o, IRI g) {
            return Values.getValueFactory()
                    .createStatement(
                            s == null ? (Resource) b.getValue("s") : s,
                            p == null ? (IRI) b.getValue("p") : p,
                            o == null ? b.getValue("o") : o,
                            g == null ? (Resource) b.getValue("g") : g);
        }

        @Override
        public boolean contains(Resource subject, IRI predicate, Value object, IRI graph) {
            String q = "ASK { " + pattern(subject, predicate, object, graph) + " }";
            return con.prepareBooleanQuery(QueryLanguage.SPARQL, q).evaluate();
        }

        @Override
        public long size() {
            String q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
            try (TupleQueryResult r =
                    con.prepareTupleQuery(QueryLanguage.SPARQL, q).evaluate()) {
                return r.hasNext() ? Long.parseLong(r.next().getValue("n").stringValue()) : 0;
            }
        }

        @Override
        public void add(Resource subject, IRI predicate, Value object, IRI graph) {
            throw new IllegalStateException("A read transaction cannot write");
        }

        @Override
        public void remove(Statement statement) {
            throw new IllegalStateException("A read transaction cannot write");
        }

        @Override
        public void clear(IRI graph) {
            throw new IllegalStateException("A read transaction cannot write");
        }
    }

    /**
     * A write transaction: the server's statements with this transaction's changes laid over them
     * (cleared graphs, removed and added statements), sent as one update at the end.
     */
    private static final class Pending implements Quads {
        private final Remote remote;
        private final Set<IRI> cleared = new LinkedHashSet<>();
        private final Set<Statement> removed = new LinkedHashSet<>();
        private final Set<Statement> added = new LinkedHashSet<>();
        /**
         * Every statement the server has about a subject (any graph), fetched at the first look-up
         * by that subject: a write reads a record several times (its graph, its statements, what to
         * remove), one request for all. Valid for the transaction: the version guards the state.
         */
        private final Map<Resource, List<Statement>> bySubject = new HashMap<>();
        /** The added statements by subject, for look-ups by subject. */
        private final Map<Resource, Set<Statement>> addedBySubject = new HashMap<>();

        Pending(Remote remote) {
            this.remote = remote;
        }

        boolean isEmpty() {
            return cleared.isEmpty() && removed.isEmpty() && added.isEmpty();
        }

        @Override
        public boolean batches() {
            return true;
        }

        private boolean hidden(Statement st) {
            return removed.contains(st) || cleared.contains(st.getContext()) || added.contains(st);
        }

        private List<Statement> addedMatching(Resource s, IRI p, Value o, IRI g) {
            List<Statement> matching = new ArrayList<>();
            Collection<Statement> candidates = s == null ? added : addedBySubject.getOrDefault(s, Set.of());
            for (Statement st : candidates) {
                if ((s == null || s.equals(st.getSubject()))
                        && (p == null || p.equals(st.getPredicate()))
                        && (o == null || o.equals(st.getObject()))
                        && (g == null || g.equals(st.getContext()))) {
                    matching.add(st);
                }
            }
            return matching;
        }

        @Override
        public void find(Resource subject, IRI predicate, Value object, IRI graph, Consumer<Statement> sink) {
            try (Stream<Statement> sts = stream(subject, predicate, object, graph)) {
                sts.forEach(sink);
            }
        }

        @Override
        public Stream<Statement> stream(Resource subject, IRI predicate, Value object, IRI graph) {
            List<Statement> mine = addedMatching(subject, predicate, object, graph);
            if (graph != null && cleared.contains(graph)) {
                return mine.stream();
            }
            Stream<Statement> server;
            if (subject != null && !(subject instanceof BNode)) {
                fetch(List.of(subject));
                server = bySubject.get(subject).stream()
                        .filter(st -> (predicate == null || predicate.equals(st.getPredicate()))
                                && (object == null || object.equals(st.getObject()))
                                && (graph == null || graph.equals(st.getContext())));
            } else if (subject instanceof BNode || object instanceof BNode) {
                server = Stream.empty(); // the server's blank-node labels mean nothing here: only this write's own
            } else {
                server = remote.stream(subject, predicate, object, graph);
            }
            return Stream.concat(server.filter(st -> !hidden(st)), mine.stream());
        }

        /** Fetches the statements of the subjects not fetched yet, in batched requests. */
        private void fetch(Collection<? extends Resource> subjects) {
            List<Resource> missing = new ArrayList<>();
            for (Resource s : subjects) {
                if (!(s instanceof BNode) && !bySubject.containsKey(s)) {
                    missing.add(s);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            missing.forEach(s -> bySubject.put(s, new ArrayList<>()));
            remote.findSubjects(
                    missing, null, st -> bySubject.get(st.getSubject()).add(st));
        }

        @Override
        public void findSubjects(Collection<? extends Resource> subjects, IRI graph, Consumer<Statement> sink) {
            fetch(subjects);
            for (Resource s : new LinkedHashSet<>(subjects)) {
                find(s, null, null, graph, sink);
            }
        }

        @Override
        public boolean contains(Resource subject, IRI predicate, Value object, IRI graph) {
            try (Stream<Statement> sts = stream(subject, predicate, object, graph)) {
                return sts.findAny().isPresent();
            }
        }

        @Override
        public long size() {
            throw new UnsupportedOperationException("A remote store counts its statements in a read transaction only");
        }

        @Override
        public void add(Resource subject, IRI predicate, Value object, IRI graph) {
            Statement st = Values.getValueFactory()
                    .createStatement(subject, predicate, object, Objects.requireNonNull(graph, "graph"));
            removed.remove(st);
            added.add(st);
            addedBySubject.computeIfAbsent(subject, k -> new LinkedHashSet<>()).add(st);
        }

        @Override
        public void remove(Statement statement) {
            if (statement.getContext() == null) {
                throw new IllegalArgumentException("A statement to remove needs its graph");
            }
            if (statement.getSubject() instanceof BNode || statement.getObject() instanceof BNode) {
                throw new StoreException("A remote SPARQL store cannot remove a single statement with a blank node"
                        + " (in <" + statement.getContext() + ">); only its whole graph");
            }
            if (added.remove(statement)) {
                addedBySubject.get(statement.getSubject()).remove(statement);
            }
            removed.add(statement);
        }

        @Override
        public void clear(IRI graph) {
            Objects.requireNonNull(graph, "graph");
            added.removeIf(st -> graph.equals(st.getContext()));
            addedBySubject.values().forEach(sts -> sts.removeIf(st -> graph.equals(st.getContext())));
            removed.removeIf(st -> graph.equals(st.getContext()));
            cleared.add(graph);
        }

        /**
         * The update: the cleared graphs, then one DELETE/INSERT of the removed and added statements
         * that also moves the version on and leaves {@code receipt}, each operation matching only
         * while the version is {@code version}.
         */
        String update(long version, IRI receipt, IRI previousReceipt) {
            String guard = version == 0
                    ? "FILTER NOT EXISTS { GRAPH " + term(META) + " { " + term(META) + " " + term(VERSION) + " ?any } }"
                    : "GRAPH " + term(META) + " { " + term(META) + " " + term(VERSION) + " "
                            + term(Values.literal(Long.toString(version))) + " }";
            StringBuilder u = new StringBuilder();
            for (IRI g : cleared) {
                u.append("DELETE { GRAPH ")
                        .append(term(g))
                        .append(" { ?s ?p ?o } } WHERE { ")
                        .append(guard)
                        .append(" GRAPH ")
                        .append(term(g))
                        .append(" { ?s ?p ?o } } ;\n");
            }
            Map<Resource, List<Statement>> deletes = byGraph(removed);
            Map<Resource, List<Statement>> inserts = byGraph(added);
            Map<BNode, String> labels = new HashMap<>();
            u.append("DELETE {\n GRAPH ").append(term(META)).append(" { ");
            if (version > 0) {
                u.append(term(META))
                        .append(' ')
                        .append(term(VERSION))
                        .append(' ')
                        .append(term(Values.literal(Long.toString(version))))
                        .append(" . ");
            }
            if (previousReceipt != null) {
                u.append(term(previousReceipt))
                        .append(' ')
                        .append(term(TYPE))
                        .append(' ')
                        .append(term(RECEIPT));
            }
            u.append(" }\n");
            appendGraphs(u, deletes, labels);
            u.append("}\nINSERT {\n GRAPH ")
                    .append(term(META))
                    .append(" { ")
                    .append(term(META))
                    .append(' ')
                    .append(term(VERSION))
                    .append(' ')
                    .append(term(Values.literal(Long.toString(version + 1))))
                    .append(" . ")
                    .append(term(receipt))
                    .append(' ')
                    .append(term(TYPE))
                    .append(' ')
                    .append(term(RECEIPT))
                    .append(" }\n");
            appendGraphs(u, inserts, labels);
            u.append("}\nWHERE { ").append(guard).append(" }\n");
            return u.toString();
        }

        private static Map<Resource, List<Statement>> byGraph(Collection<Statement> statements) {
            Map<Resource, List<Statement>> graphs = new LinkedHashMap<>();
            for (Statement st : statements) {
                graphs.computeIfAbsent(st.getContext(), g -> new ArrayList<>()).add(st);
            }
            return graphs;
        }

        private static void appendGraphs(
                StringBuilder u, Map<Resource, List<Statement>> graphs, Map<BNode, String> labels) {
            for (Map.Entry<Resource, List<Statement>> g : graphs.entrySet()) {
                u.append(" GRAPH ").append(term(g.getKey())).append(" {\n");
                for (Statement st : g.getValue()) {
                    u.append("  ")
                            .append(term(st.getSubject(), labels))
                            .append(' ')
                            .append(term(st.getPredicate(), labels))
                            .append(' ')
                            .append(term(st.getObject(), labels))
                            .append(" .\n");
                }
                u.append(" }\n");
            }
        }
    }
}
