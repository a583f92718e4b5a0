package org.chmexchange.benchmarks.crash;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.Sail;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;
import org.eclipse.rdf4j.sail.nativerdf.NativeStore;

/** RDF4J sails under trial: LMDB (value garbage collection on or off) and the NativeStore. */
final class Rdf4jEngine implements QuadEngine {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    private final SailRepository repository;

    private Rdf4jEngine(Sail sail) {
        this.repository = new SailRepository(sail);
        repository.init();
    }

    static Rdf4jEngine lmdb(Path dir, boolean valueGc) {
        LmdbStoreConfig config = new LmdbStoreConfig("spoc,posc,cspo");
        config.setForceSync(true);
        config.setAutoGrow(true);
        if (!valueGc) {
            // ValueStore.enableGC() is valueEvictionInterval > 0 (rdf4j-sail-lmdb 5.2.0).
            config.setValueEvictionInterval(-1);
        }
        return new Rdf4jEngine(new LmdbStore(new File(dir.toFile(), "rdf"), config));
    }

    static Rdf4jEngine nativeStore(Path dir) {
        NativeStore store = new NativeStore(new File(dir.toFile(), "rdf"), "spoc,posc,cspo");
        store.setForceSync(true);
        return new Rdf4jEngine(store);
    }

    @Override
    public void write(Set<String> removeSubjects, List<Quad> adds) {
        try (RepositoryConnection con = repository.getConnection()) {
            con.begin(IsolationLevels.READ_COMMITTED);
            for (String s : removeSubjects) {
                List<Statement> old = new ArrayList<>();
                try (RepositoryResult<Statement> sts = con.getStatements(VF.createIRI(strip(s)), null, null, false)) {
                    sts.forEach(old::add);
                }
                con.remove(old);
            }
            for (Quad q : adds) {
                con.add(
                        VF.createIRI(strip(q.s())),
                        VF.createIRI(strip(q.p())),
                        value(q.o()),
                        VF.createIRI(strip(q.g())));
            }
            con.commit();
        }
    }

    @Override
    public Set<Quad> readAll() {
        Set<Quad> all = new HashSet<>();
        try (RepositoryConnection con = repository.getConnection();
                RepositoryResult<Statement> sts = con.getStatements(null, null, null, false)) {
            for (Statement st : sts) {
                all.add(new Quad(
                        term(st.getSubject()),
                        term(st.getPredicate()),
                        term(st.getObject()),
                        st.getContext() == null ? null : term(st.getContext())));
            }
        }
        return all;
    }

    @Override
    public void close() {
        repository.shutDown();
    }

    private static String term(Value v) {
        if (v == null) {
            throw new IllegalStateException("A statement has an unresolvable term (null)");
        }
        return v.isIRI() ? "<" + v.stringValue() + ">" : "\"" + v.stringValue() + "\"";
    }

    private static Value value(String term) {
        return term.startsWith("<") ? VF.createIRI(strip(term)) : VF.createLiteral(strip(term));
    }

    private static String strip(String term) {
        return term.substring(1, term.length() - 1);
    }

    @Override
    public String toString() {
        return "rdf4j " + repository.getSail().getClass().getSimpleName();
    }
}
