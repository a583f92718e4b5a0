package org.chmexchange.benchmarks.crash;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A raw embedded quad store under trial (docs/STORE.md): the smallest set of operations the record
 * store needs, with strings for terms so that every engine is driven the same way. Not thread-safe;
 * one writer.
 */
interface QuadEngine extends AutoCloseable {

    /** A quad of N-Triples-like strings: an IRI is {@code <...>}, a literal {@code "..."}. */
    record Quad(String s, String p, String o, String g) {}

    /** One transaction: removes every quad of each subject of {@code removeSubjects}, then adds. */
    void write(Set<String> removeSubjects, List<Quad> adds);

    /** Every quad of the store, each term resolved (an unresolvable term throws). */
    Set<Quad> readAll();

    @Override
    void close();

    /** The engines of the trial, by name. */
    static QuadEngine open(String name, Path dir) {
        return switch (name) {
            case "lmdb" -> Rdf4jEngine.lmdb(dir, true);
            case "lmdb-nogc" -> Rdf4jEngine.lmdb(dir, false);
            case "native" -> Rdf4jEngine.nativeStore(dir);
            case "tdb2" -> new Tdb2Engine(dir, false);
            case "tdb2-4" -> new Tdb2Engine(dir, true);
            default -> throw new IllegalArgumentException(
                    "Unknown engine " + name + ": lmdb, lmdb-nogc, native, tdb2, tdb2-4");
        };
    }
}
