package org.chmexchange.admission;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chmexchange.model.RecordIris;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.DynamicModelFactory;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFHandler;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.binary.BinaryRDFWriterSettings;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;

/**
 * Holds the statements of an inbound unit too large for memory (a dump of a whole source) on disk,
 * and gives them back as <em>parts</em> that each fit in memory and each hold whole records: every
 * statement of a record (by the membership rule of {@link RecordIris#ownerOf}) is in the same
 * part, wherever it stood in the input. A part is then one page of the pipeline
 * ({@link RecordSplitter}, the gates, one commit).
 *
 * <p>Feed it as an RDF4J {@code RDFHandler} (a parser's), then call {@link #parts}; nothing is
 * given back before the whole input has been spooled, so a caller that parses first and reads
 * parts after commits nothing of a document that does not parse. The spool is RDF4J's binary RDF
 * format (lossless: datatypes, language tags, blank-node labels within a part). A unit of at most
 * {@code maxStatements} statements is read back as one part; a larger one is partitioned by a hash
 * of each statement's record into {@code ceil(statements / maxStatements)} files first (at most
 * {@value #MAX_FILES} at once; a file still more than twice too large is partitioned again), so a
 * part holds up to about twice {@code maxStatements} statements.
 *
 * <p>Memory: a few buffers while spooling, one part while reading. Disk: about the size of the
 * input in binary RDF, twice while partitioning; files live in {@code dir} and are deleted by
 * {@link #close()}.
 *
 * <p>Not thread-safe: one unit, one thread. Lifecycle: create, feed, {@link #parts}, close.
 */
public final class RecordSpool extends AbstractRDFHandler implements AutoCloseable {

    /** Statements the binary writer keeps in memory to find repeated values (RDF4J's default is 8,192). */
    private static final int WRITER_BUFFER = 256;

    private static final int IO_BUFFER = 64 * 1024;

    /** The most files one partitioning writes at once (open files are a limited resource). */
    static final int MAX_FILES = 256;

    /** Levels of partitioning after which a part is taken whatever its size (one huge record). */
    private static final int MAX_LEVELS = 4;

    private static final String FILE_PREFIX = "chm-spool-";
    private static final String FILE_SUFFIX = ".brf";

    private static final DynamicModelFactory MODELS = new DynamicModelFactory();

    private final Path dir;
    private final Path spool;
    private final List<Path> files = new ArrayList<>();
    private OutputStream out;
    private RDFWriter writer;
    private long statements;
    private boolean closed;

    private final int maxFiles;

    RecordSpool(Path dir, int maxFiles) throws IOException {
        this.dir = dir;
        this.maxFiles = maxFiles;
        this.spool = newFile();
        this.out = new BufferedOutputStream(Files.newOutputStream(spool), IO_BUFFER);
        this.writer = binaryWriter(out);
        this.writer.startRDF();
    }

    /**
     * A new, empty spool with its files in {@code dir}.
     *
     * @param dir a directory, created if missing (the JVM's temporary directory will do); not null
     * @throws UncheckedIOException if the directory or the spool file cannot be created
     */
    public static RecordSpool in(Path dir) {
        Objects.requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
            return new RecordSpool(dir, MAX_FILES);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a spool file in " + dir, e);
        }
    }

    /**
     * Deletes the spool files ({@code chm-spool-*.brf}) that a process killed while it spooled left
     * in {@code dir} ({@link #close()} never ran for them). Call it only when no live spool can be
     * using {@code dir}, e.g. a directory of a data folder whose store this process holds open.
     *
     * @param dir the directory; nothing is done when it does not exist
     * @return the number of bytes freed
     * @throws UncheckedIOException if the directory cannot be listed or a file cannot be deleted
     */
    public static long deleteLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long freed = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, FILE_PREFIX + "*" + FILE_SUFFIX)) {
            for (Path file : leftovers) {
                long size = Files.size(file);
                Files.delete(file);
                freed += size;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the old spool files in " + dir, e);
        }
        return freed;
    }

    @Override
    public void handleStatement(Statement st) {
        if (writer == null) {
            throw new IllegalStateException("The spool has been read; it takes no more statements");
        }
        writer.handleStatement(st);
        statements++;
    }

    /** Statements spooled so far. */
    public long statements() {
        return statements;
    }

    /** Receives the parts, in order. */
    @FunctionalInterface
    public interface PartConsumer {
        /**
         * @param part the statements of whole records (and of subjects that belong to no record);
         *     the consumer's to keep or change
         * @param last whether no part follows
         */
        void accept(Model part, boolean last);
    }

    /**
     * Reads the spool back in parts of about {@code maxStatements} statements, each holding whole
     * records. An empty spool gives one empty part, so the consumer always sees a last part. The
     * spool takes no more statements after this call.
     *
     * @param maxStatements the part size aimed at, at least 1
     * @param consumer receives every part; an exception it throws stops the reading and is passed on
     * @throws UncheckedIOException if a spool file cannot be written or read
     */
    public void parts(int maxStatements, PartConsumer consumer) {
        if (maxStatements < 1) {
            throw new IllegalArgumentException("maxStatements must be at least 1: " + maxStatements);
        }
        Objects.requireNonNull(consumer, "consumer");
        try {
            finishWriting();
            List<Path> parts = new ArrayList<>();
            split(spool, statements, maxStatements, 0, parts);
            for (int i = 0; i < parts.size(); i++) {
                Model part = read(parts.get(i));
                Files.delete(parts.get(i));
                consumer.accept(part, i == parts.size() - 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spool " + spool, e);
        }
    }

    /**
     * Adds to {@code parts} the files of about {@code max} statements that {@code file} (of {@code
     * count} statements) splits into: itself if small enough, else its buckets, each split again if
     * still too large (at most {@link #maxFiles} files are open at once, whatever the dump's size).
     * A part may stay larger than {@code max} when one record alone is (after a few levels).
     */
    private void split(Path file, long count, int max, int level, List<Path> parts) throws IOException {
        if (count <= max || level >= MAX_LEVELS) {
            parts.add(file);
            return;
        }
        int buckets = (int) Math.min(maxFiles, ceilDiv(count, max));
        long[] counts = new long[buckets];
        List<Path> files = partition(file, buckets, level, counts);
        for (int b = 0; b < buckets; b++) {
            if (counts[b] == 0) {
                Files.delete(files.get(b)); // count > max >= 1: some bucket is not empty
            } else if (counts[b] <= 2L * max) {
                // a hash partition is uneven: up to twice the aim is taken as it is
                parts.add(files.get(b));
            } else {
                split(files.get(b), counts[b], max, level + 1, parts);
            }
        }
    }

    /** Deletes the spool's files. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            failure = e;
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("Cannot delete the spool files in " + dir, failure);
        }
    }

    private void finishWriting() throws IOException {
        if (writer != null) {
            writer.endRDF();
            out.close();
            writer = null;
            out = null;
        }
    }

    /** Writes every statement of {@code file} into the bucket of its record, counting them; then deletes {@code file}. */
    private List<Path> partition(Path file, int count, int level, long[] counts) throws IOException {
        List<Path> buckets = new ArrayList<>(count);
        List<OutputStream> streams = new ArrayList<>(count);
        List<RDFWriter> writers = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                Path bucket = newFile();
                buckets.add(bucket);
                OutputStream stream = new BufferedOutputStream(Files.newOutputStream(bucket), 8 * 1024);
                streams.add(stream);
                RDFWriter w = binaryWriter(stream);
                w.startRDF();
                writers.add(w);
            }
            parse(file, new AbstractRDFHandler() {
                @Override
                public void handleStatement(Statement st) {
                    int b = bucketOf(st, count, level);
                    writers.get(b).handleStatement(st);
                    counts[b]++;
                }
            });
            for (RDFWriter w : writers) {
                w.endRDF();
            }
        } finally {
            for (OutputStream stream : streams) {
                stream.close();
            }
        }
        Files.delete(file);
        return buckets;
    }

    /**
     * The bucket of a statement: by its record, so a record's statements share one; subjects of no
     * record go to 0. Each level of partitioning hashes differently, so a bucket split again spreads.
     */
    static int bucketOf(Statement st, int count, int level) {
        IRI owner = RecordIris.ownerOf(st.getSubject());
        if (owner == null) {
            return 0;
        }
        // Spread the String hash (Fibonacci hashing, a seed per level) before reducing it to a bucket.
        int h = (owner.stringValue().hashCode() + level * 0x632BE5AB) * 0x9E3779B9;
        return Math.floorMod(h ^ (h >>> 16), count);
    }

    private Model read(Path file) throws IOException {
        Model model = MODELS.createEmptyModel();
        parse(file, new AbstractRDFHandler() {
            @Override
            public void handleStatement(Statement st) {
                model.add(st);
            }
        });
        return model;
    }

    private static void parse(Path file, RDFHandler handler) throws IOException {
        RDFParser parser = Rio.createParser(RDFFormat.BINARY);
        parser.getParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
        parser.setRDFHandler(handler);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), IO_BUFFER)) {
            parser.parse(in);
        }
    }

    private static RDFWriter binaryWriter(OutputStream stream) {
        RDFWriter w = Rio.createWriter(RDFFormat.BINARY, stream);
        w.getWriterConfig().set(BinaryRDFWriterSettings.BUFFER_SIZE, (long) WRITER_BUFFER);
        return w;
    }

    private Path newFile() throws IOException {
        Path file = Files.createTempFile(dir, FILE_PREFIX, FILE_SUFFIX);
        files.add(file);
        return file;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
