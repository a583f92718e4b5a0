package org.chmexchange.oai;

import io.gdcc.xoai.dataprovider.DataProvider;
import io.gdcc.xoai.dataprovider.exceptions.handler.CannotDisseminateFormatException;
import io.gdcc.xoai.dataprovider.model.Context;
import io.gdcc.xoai.dataprovider.model.MetadataFormat;
import io.gdcc.xoai.dataprovider.repository.Repository;
import io.gdcc.xoai.dataprovider.repository.RepositoryConfiguration;
import io.gdcc.xoai.dataprovider.repository.SetRepository;
import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.OAIPMH;
import io.gdcc.xoai.model.oaipmh.results.record.Metadata;
import io.gdcc.xoai.xml.XmlWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import org.chmexchange.model.Record;
import org.chmexchange.oai.internal.KeysetTokens;
import org.chmexchange.oai.internal.Position;
import org.chmexchange.oai.internal.StoreItems;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.rdf.RecordMappingException;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.thesaurus.Thesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OAI-PMH 2.0 data provider over a {@link RecordStore}, on XOAI (io.gdcc:xoai-data-provider):
 * the six verbs, errors as OAI-PMH error codes in a 200 answer (OAI-PMH 2.0 section 3.6), second
 * granularity, persistent deleted records (from the change log's tombstones), sets by type, treaty
 * and country ({@link OaiSets}), and two metadata formats: {@code oai_dc} ({@link DublinCore}) and
 * {@code rdf}, the record as the store holds it in RDF/XML, in an {@code rdf:RDF} element.
 *
 * <p>Lists are the store's {@link RecordStore#latestChanges latest changes}: each record once, at
 * its newest change, oldest first; a resumption token carries the change sequence to go on from
 * (keyset paging, never an offset into a result), so it stays valid across restarts and concurrent
 * writes, and never expires. The datestamp of a record is the time of its newest change.
 *
 * <pre>{@code
 * OaiProvider oai = new OaiProvider(store, thesaurus,
 *         new OaiSettings("https://chm.example.org/oai", "Example CHM", List.of("chm@example.org")));
 * oai.respond(Map.of("verb", List.of("Identify")), out);
 * }</pre>
 *
 * <p>Thread-safe: each call builds its own XOAI provider around the shared store.
 */
public final class OaiProvider {

    /** The media type of every answer. */
    public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";
    /** The prefix of the RDF/XML metadata format. */
    public static final String RDF_PREFIX = "rdf";
    /** The namespace of the RDF/XML metadata format's root element, {@code rdf:RDF}. */
    public static final String RDF_NAMESPACE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    /**
     * The path, relative to the base URL's folder, of the schema of the {@code rdf} format (RDF/XML
     * has no official XML Schema: this one declares {@code rdf:RDF} with any content, so OAI-PMH's
     * strict wildcard for metadata can be validated).
     */
    public static final String RDF_SCHEMA_RESOURCE = "rdf.xsd";

    private static final Logger LOG = LoggerFactory.getLogger(OaiProvider.class);

    private final RecordStore store;
    private final OaiSettings settings;
    private final DublinCore dublinCore;
    private final OaiSets sets;
    private final Context context;

    /**
     * @param store the records to serve; not closed by the provider
     * @param thesaurus labels for {@code oai_dc} and the names of the sets
     * @param settings the repository's identity and list size
     */
    public OaiProvider(RecordStore store, Thesaurus thesaurus, OaiSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dublinCore = new DublinCore(thesaurus);
        this.sets = new OaiSets(thesaurus);
        this.context = new Context()
                .withMetadataFormat(new MetadataFormat()
                        .withPrefix(DublinCore.PREFIX)
                        .withNamespace(DublinCore.OAI_DC_NAMESPACE)
                        .withSchemaLocation(DublinCore.SCHEMA))
                .withMetadataFormat(new MetadataFormat()
                        .withPrefix(RDF_PREFIX)
                        .withNamespace(RDF_NAMESPACE)
                        .withSchemaLocation(rdfSchemaUrl(settings.baseUrl())));
    }

    /** The URL of the {@code rdf} format's schema: {@value #RDF_SCHEMA_RESOURCE} beside the base URL. */
    public static String rdfSchemaUrl(String baseUrl) {
        return baseUrl + "/" + RDF_SCHEMA_RESOURCE;
    }

    /** The schema of the {@code rdf} format (XML Schema 1.0), to serve at {@link #rdfSchemaUrl}. */
    public static byte[] rdfSchema() {
        try (InputStream in = OaiProvider.class.getResourceAsStream("rdf.xsd")) {
            if (in == null) {
                throw new IllegalStateException("rdf.xsd is missing from the library's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers one OAI-PMH request (the arguments of a GET query or of a POST form) with an OAI-PMH
     * document in UTF-8 ({@link #CONTENT_TYPE}). Protocol errors (bad verb, bad argument, unknown
     * identifier, no records...) are OAI-PMH {@code error} elements in the document, not
     * exceptions.
     *
     * @param arguments each argument with its values, in request order (a repeated argument is a
     *     {@code badArgument}); not null
     * @param out where the document goes; not closed
     * @throws IOException if {@code out} fails
     * @throws org.chmexchange.store.StoreException if the store fails
     */
    public void respond(Map<String, List<String>> arguments, OutputStream out) throws IOException {
        Map<String, String[]> params = new LinkedHashMap<>();
        arguments.forEach((k, v) -> params.put(k, v.toArray(String[]::new)));
        widenDays(params);
        Position position = new Position();
        RepositoryConfiguration configuration = new RepositoryConfiguration.RepositoryConfigurationBuilder()
                .withRepositoryName(settings.repositoryName())
                .withBaseUrl(settings.baseUrl())
                .setAdminEmails(settings.adminEmails())
                .withGranularity(Granularity.Second)
                .withDeleteMethod(DeletedRecord.PERSISTENT)
                .withEarliestDate(earliest())
                .withMaxListRecords(settings.maxListSize())
                .withMaxListIdentifiers(settings.maxListSize())
                .withMaxListSets(10_000)
                .withResumptionTokenFormat(new KeysetTokens(position))
                .build();
        Repository repository = new Repository(configuration)
                .withItemRepository(new StoreItems(store, sets, this::metadata, position))
                .withSetRepository(new SetRepository() {
                    @Override
                    public boolean supportSets() {
                        return true;
                    }

                    @Override
                    public List<io.gdcc.xoai.dataprovider.model.Set> getSets() {
                        return sets.all();
                    }

                    @Override
                    public boolean exists(String setSpec) {
                        return sets.exists(setSpec);
                    }
                });
        OAIPMH response = new DataProvider(context, repository).handle(params);
        try (XmlWriter writer = new XmlWriter(out, configuration)) {
            writer.writeStartDocument("UTF-8", "1.0");
            response.write(writer);
            writer.writeEndDocument();
            writer.flush();
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("Cannot write the OAI-PMH answer", e);
        }
    }

    /**
     * Day-granularity {@code from} and {@code until} as the seconds they stand for: the first and
     * the last second of the day. A repository of second granularity must accept days (OAI-PMH 2.0
     * section 3.3.2), and {@code until} is inclusive, so {@code until=2026-12-01} includes a record
     * of 2026-12-01T18:00:00Z; XOAI would take the first second of the day instead (and it answers
     * {@code badArgument} to a {@code from} or an {@code until} later than now, so today's last
     * second is now). Only when every date argument is a single day-granularity value, so a mix
     * of granularities stays a {@code badArgument}.
     */
    private static void widenDays(Map<String, String[]> params) {
        String[] from = params.get("from");
        String[] until = params.get("until");
        if ((from == null && until == null) || !isDay(from) || !isDay(until)) {
            return;
        }
        if (from != null) {
            params.put("from", new String[] {from[0] + "T00:00:00Z"});
        }
        if (until != null) {
            // not past now: XOAI answers badArgument to an until in the future
            Instant end;
            try {
                end = java.time.LocalDate.parse(until[0]).atTime(23, 59, 59).toInstant(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e) {
                return; // left as it came, for XOAI's badArgument
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            params.put("until", new String[] {(end.isAfter(now) ? now : end).toString()});
        }
    }

    private static boolean isDay(String[] values) {
        return values == null || (values.length == 1 && DAY.matcher(values[0]).matches());
    }

    private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The time of the first change, to the second (the store's earliest datestamp); now if none. */
    private Instant earliest() {
        List<ChangeEntry> first = store.changes(ChangeQuery.ALL, 0, 1).items();
        Instant t = first.isEmpty() ? Instant.now() : first.get(0).time();
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    private Metadata metadata(IRI record, Model content, MetadataFormat format)
            throws CannotDisseminateFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (RDF_PREFIX.equals(format.getPrefix())) {
            Rio.write(content, bytes, RDFFormat.RDFXML);
        } else if (DublinCore.PREFIX.equals(format.getPrefix())) {
            Record mapped;
            try {
                mapped = RecordMapper.fromRdf(content, record);
            } catch (RecordMappingException e) {
                LOG.warn(
                        "Record <{}> cannot be read as a record ({}): not disseminated as oai_dc",
                        record,
                        e.getMessage());
                throw new CannotDisseminateFormatException("Record " + record + " cannot be written as oai_dc");
            }
            try {
                dublinCore.write(mapped, bytes);
            } catch (XMLStreamException e) {
                throw new IllegalStateException("Cannot write oai_dc for " + record, e);
            }
        } else {
            throw new CannotDisseminateFormatException("Format " + format.getPrefix() + " is not offered");
        }
        return Metadata.copyFromStream(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
