package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.store.PublicStatements;
import org.chmexchange.store.RecordStore;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;

/**
 * The dumps: {@code GET /dumps/records.nq.gz} (N-Quads, every public record with its graph name)
 * and {@code GET /dumps/records.ttl.gz} (Turtle, the same statements without graph names), gzipped,
 * streamed from one consistent snapshot of the store ({@link RecordStore#readPublic}) as they are
 * read, so a dump of any size takes no more memory than a page.
 *
 * <p>Validators: the {@code ETag} is {@code "records-{sequence}"} (the last change the snapshot
 * holds) and {@code Last-Modified} that change's time; {@code If-None-Match} (weak comparison, RFC
 * 9110 section 13.1.2) or, without it, {@code If-Modified-Since} (second precision) answer 304. The
 * media type is {@code application/gzip} (the file names say what is inside, as the {@code rdf-dump}
 * harvester reads them). {@code HEAD} sends the headers only. Thread-safe.
 */
final class DumpHandler {

    static final String NQUADS = "/dumps/records.nq.gz";
    static final String TURTLE = "/dumps/records.ttl.gz";

    private final RecordStore store;

    DumpHandler(RecordStore store) {
        this.store = store;
    }

    void nquads(Context ctx) {
        dump(ctx, RecordFormat.NQUADS, "records.nq.gz");
    }

    void turtle(Context ctx) {
        dump(ctx, RecordFormat.TURTLE, "records.ttl.gz");
    }

    private void dump(Context ctx, RecordFormat format, String fileName) {
        String ifNoneMatch = ctx.header("If-None-Match");
        // Cheap path: the client's copy is the current one, no snapshot needed.
        if (Validators.matches(ifNoneMatch, etag(store.lastSequence()))) {
            ctx.header("ETag", etag(store.lastSequence())).status(304);
            return;
        }
        store.readPublic(snapshot -> {
            long sequence = snapshot.changeSequence();
            Optional<Instant> modified = snapshot.changeTime();
            ctx.header("ETag", etag(sequence));
            ctx.header("Cache-Control", "no-cache");
            modified.ifPresent(t -> ctx.header("Last-Modified", Validators.httpDate(t)));
            if (notModified(ifNoneMatch, ctx.header("If-Modified-Since"), etag(sequence), modified)) {
                ctx.status(304);
                return null;
            }
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            ctx.contentType("application/gzip");
            if (ctx.method().name().equals("HEAD")) {
                return null;
            }
            write(snapshot, format, ctx.outputStream());
            return null;
        });
    }

    /** Every statement of the public record graphs, in the engine's order, gzipped. */
    private static void write(PublicStatements snapshot, RecordFormat format, OutputStream body) {
        try (GZIPOutputStream gzip = new GZIPOutputStream(body, 1 << 16);
                Stream<Statement> statements = snapshot.find(null, null, null, null)) {
            RDFWriter writer = Rio.createWriter(format.rdfFormat(), gzip);
            writer.startRDF();
            statements.filter(st -> RecordStore.isRecordGraph(st.getContext())).forEach(writer::handleStatement);
            writer.endRDF();
            gzip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot send the dump", e);
        }
    }

    static String etag(long sequence) {
        return "\"records-" + sequence + "\"";
    }

    private static boolean notModified(
            String ifNoneMatch, String ifModifiedSince, String etag, Optional<Instant> modified) {
        if (ifNoneMatch != null) {
            return Validators.matches(ifNoneMatch, etag);
        }
        if (ifModifiedSince == null || modified.isEmpty()) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return !modified.get().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // RFC 9110 section 13.1.3: an invalid date is ignored
        }
    }
}
