package org.chmexchange.harvest.dump;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.zip.GZIPInputStream;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.chmexchange.admission.RecordSpool;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestException;
import org.chmexchange.harvest.HarvestPage;
import org.chmexchange.harvest.HarvestSink;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvestState;
import org.chmexchange.harvest.Harvester;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordParseException;
import org.chmexchange.rdf.RecordReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one RDF dump: a conditional GET, the whole body parsed into a {@link RecordSpool} on disk,
 * then the spool handed to the sink in pages of whole records, the last a snapshot. Nothing is
 * handed to the sink unless the whole document was read and parsed. See
 * {@link DumpHarvesterFactory} for the contract.
 */
final class DumpHarvester implements Harvester {

    private static final Logger LOG = LoggerFactory.getLogger(DumpHarvester.class);

    /** The Accept header: every RDF format with its server quality, then anything (dumps are often octet-streams). */
    static final String ACCEPT = accept();

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int BUFFER = 64 * 1024;

    private final HarvestSource source;
    private final HarvestContext context;
    private final Optional<RecordFormat> formatOption;
    private final long maxBytes;
    private final int pageStatements;

    DumpHarvester(
            HarvestSource source,
            HarvestContext context,
            Optional<RecordFormat> formatOption,
            long maxBytes,
            int pageStatements) {
        this.source = source;
        this.context = context;
        this.formatOption = formatOption;
        this.maxBytes = maxBytes;
        this.pageStatements = pageStatements;
    }

    @Override
    public void harvest(HarvestState state, HarvestSink sink) {
        String url = source.url().toString();
        Request.Builder request = new Request.Builder().url(url).header("Accept", ACCEPT);
        // The validators are per-source state kept in the store, so the harvester sends them.
        state.get(DumpHarvesterFactory.ETAG).ifPresent(etag -> request.header("If-None-Match", etag));
        state.get(DumpHarvesterFactory.LAST_MODIFIED).ifPresent(date -> request.header("If-Modified-Since", date));
        try (RecordSpool spool = RecordSpool.in(context.spoolDirectory())) {
            HarvestState next;
            try (Response response = context.http().newCall(request.build()).execute()) {
                if (response.code() == 304) {
                    LOG.debug("Source {}: {} not modified", source.name(), url);
                    return;
                }
                if (response.code() != 200) {
                    throw new HarvestException("Source " + source.name() + ": GET " + url + " answered "
                            + response.code() + (response.message().isEmpty() ? "" : " " + response.message())
                            + "; nothing was stored");
                }
                ResponseBody body = response.body();
                long length = body.contentLength();
                if (length > maxBytes) {
                    throw tooLarge(url, "its Content-Length is " + length + " bytes");
                }
                String contentType = response.header("Content-Type");
                RecordFormat format = formatOf(
                                contentType, formatOption, response.request().url())
                        .orElseThrow(() -> new HarvestException("Source " + source.name()
                                + ": cannot tell the RDF format of " + url + ": Content-Type '" + contentType
                                + "' is not an RDF media type, the source has no option format, and the file name"
                                + " has no known extension (ttl, nt, nq, jsonld, rdf, trig; optionally .gz);"
                                + " nothing was stored"));
                parse(body.byteStream(), format, url, spool);
                next = state.with(DumpHarvesterFactory.ETAG, response.header("ETag"))
                        .with(DumpHarvesterFactory.LAST_MODIFIED, response.header("Last-Modified"));
            } catch (IOException e) {
                throw new HarvestException(
                        "Source " + source.name() + ": GET " + url + " failed: " + e + "; nothing was stored", e);
            }
            // The whole dump parsed: now, and only now, pages go to the sink. Pages before the last keep
            // the old state, so a run stopped among them reads the dump again.
            spool.parts(
                    pageStatements,
                    (part, last) -> sink.page(new HarvestPage(part, Set.of(), last, last ? next : state)));
        } catch (UncheckedIOException e) {
            throw new HarvestException(
                    "Source " + source.name() + ": the spool of the dump " + url + " on disk ("
                            + System.getProperty("java.io.tmpdir") + ") failed: " + e.getCause(),
                    e);
        }
    }

    /**
     * Parses the body, gunzipping it when it starts with the gzip magic bytes (a {@code .gz} file or
     * an {@code application/gzip} body; a {@code Content-Encoding: gzip} is already decoded by the
     * HTTP client). Both the wire bytes and the decoded bytes are limited to {@code maxBytes}.
     */
    private void parse(InputStream body, RecordFormat format, String url, RecordSpool spool) {
        BoundedInputStream wire = new BoundedInputStream(body, maxBytes);
        BoundedInputStream content = null;
        try {
            BufferedInputStream buffered = new BufferedInputStream(wire, BUFFER);
            buffered.mark(2);
            byte[] magic = buffered.readNBytes(2);
            buffered.reset();
            boolean gzip = magic.length == 2 && (magic[0] & 0xff) == GZIP_MAGIC_1 && (magic[1] & 0xff) == GZIP_MAGIC_2;
            // Closing frees the inflater; the response closes the body itself.
            try (InputStream decoded = gzip ? new GZIPInputStream(buffered, BUFFER) : buffered) {
                content = new BoundedInputStream(decoded, maxBytes);
                // Some parsers (N-Triples, N-Quads) close their input at the end: shield it, so
                // that the rest of the body can still be drained below.
                RecordReader.parse(new CloseShield(content), format, url, spool);
                // A parser may stop at the end of its document: drain, so that a truncated or
                // oversized remainder still fails the run.
                content.transferTo(OutputStream.nullOutputStream());
                LOG.debug(
                        "Source {}: read {} ({} bytes{}), {} statements",
                        source.name(),
                        url,
                        content.count(),
                        gzip ? ", gzipped " + wire.count() : "",
                        spool.statements());
            }
        } catch (RecordParseException | UncheckedIOException | IOException e) {
            HarvestException failure = readFailure(url, wire, content);
            if (failure != null) {
                throw failure;
            }
            if (e instanceof RecordParseException) {
                throw new HarvestException(
                        "Source " + source.name() + ": the dump " + url + " is not valid "
                                + format.rdfFormat().getName() + ": " + e.getMessage() + "; nothing was stored",
                        e);
            }
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw readFailed(url, wire.count(), io);
        } catch (RuntimeException e) {
            HarvestException failure = readFailure(url, wire, content);
            if (failure != null) {
                throw failure;
            }
            throw new HarvestException(
                    "Source " + source.name() + ": reading the dump " + url + " as "
                            + format.rdfFormat().getName() + " failed: " + e + "; nothing was stored",
                    e);
        }
    }

    /** The failure of reading (over the limit, or the stream failed), which wins over what a parser made of it. */
    private HarvestException readFailure(String url, BoundedInputStream wire, BoundedInputStream content) {
        for (BoundedInputStream stream : new BoundedInputStream[] {content, wire}) {
            if (stream != null && stream.exceeded()) {
                return tooLarge(url, "more than " + maxBytes + " bytes were read");
            }
        }
        for (BoundedInputStream stream : new BoundedInputStream[] {wire, content}) {
            if (stream != null && stream.failure() != null) {
                return readFailed(url, wire.count(), stream.failure());
            }
        }
        return null;
    }

    private HarvestException tooLarge(String url, String detail) {
        return new HarvestException("Source " + source.name() + ": the dump " + url + " is larger than maxBytes ("
                + maxBytes + " bytes): " + detail + "; nothing was stored (raise the source option maxBytes if"
                + " the dump is expected to be this large)");
    }

    private HarvestException readFailed(String url, long bytes, IOException cause) {
        return new HarvestException(
                "Source " + source.name() + ": reading the dump " + url + " failed after " + bytes
                        + " bytes (truncated or interrupted): " + cause + "; nothing was stored",
                cause);
    }

    /**
     * The format of a dump: from the {@code Content-Type} when it is an RDF media type, else the
     * {@code format} option, else the extension of the URL's last path segment ({@code .gz}
     * ignored).
     *
     * @param contentType the response's Content-Type; may be null
     * @param option the source's {@code format} option
     * @param url the URL the dump was read from (after redirects)
     */
    static Optional<RecordFormat> formatOf(String contentType, Optional<RecordFormat> option, HttpUrl url) {
        Optional<RecordFormat> declared = RecordFormat.forMediaType(contentType);
        if (declared.isPresent()) {
            return declared;
        }
        if (option.isPresent()) {
            return option;
        }
        String file = url.pathSegments().get(url.pathSize() - 1).toLowerCase(Locale.ROOT);
        if (file.endsWith(".gz")) {
            file = file.substring(0, file.length() - 3);
        }
        int dot = file.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : RecordFormat.forExtension(file.substring(dot + 1));
    }

    private static String accept() {
        StringJoiner accept = new StringJoiner(", ");
        for (RecordFormat format : RecordFormat.values()) {
            accept.add(format.mediaType() + (format.quality() < 1 ? ";q=" + format.quality() : ""));
        }
        accept.add("application/gzip;q=0.4");
        accept.add("*/*;q=0.1");
        return accept.toString();
    }

    /** Passes everything through except {@link #close()}, which the owner of the stream does. */
    private static final class CloseShield extends FilterInputStream {
        CloseShield(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, length);
        }

        @Override
        public void close() {
            // the stream is closed by DumpHarvester.parse once the body is drained
        }
    }
}
