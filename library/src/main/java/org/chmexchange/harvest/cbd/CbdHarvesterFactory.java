package org.chmexchange.harvest.cbd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.chmexchange.cbd.CbdMapper;
import org.chmexchange.cbd.CbdSchema;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestProtocol;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.Harvester;
import org.chmexchange.harvest.HarvesterFactory;
import org.chmexchange.http.HeaderInterceptor;
import org.chmexchange.thesaurus.Thesaurus;

/**
 * Protocol {@code cbd}: the CBD clearing-house API ({@code https://api.cbd.int/}, or a portal's proxy
 * of it), read through its Solr index and its document API (docs/CBD.md; INCUMBENTS.md part A 1.3,
 * 1.5), incrementally by {@code updatedDate_dt}, with an identifier sweep for deletions.
 *
 * <p>The source URL is the API base, ending in {@code /}. Options (an unknown option is an error):
 * <ul>
 *   <li>{@code realm}: the clearing-house, sent as the {@code Realm} header and filtered on {@code
 *       realm_ss}; default {@value #DEFAULT_REALM};
 *   <li>{@code schemas}: comma-separated CBD schema names; default all of {@link CbdSchema};
 *   <li>{@code government}: comma-separated ISO 3166-1 alpha-2 codes, to harvest those countries'
 *       records only ({@code government_s}); default every country;
 *   <li>{@code rows}: the page size, 1 to 10,000; default {@value #DEFAULT_ROWS};
 *   <li>{@code base}: the base IRI records are minted under ({@code {base}records/{type}/{identifier}});
 *       default the source URL, so that every node harvesting the same API names a record alike;
 *   <li>{@code overlap}: how far before the last seen {@code updatedDate_dt} a run starts again, an
 *       ISO 8601 duration; default {@code PT1H} (the documents read again are recognised by their
 *       revision and not applied twice);
 *   <li>{@code sweepEvery}: how often the identifier sweep runs, an ISO 8601 duration; default
 *       {@code P1D};
 *   <li>{@code maxResponseBytes}: the largest answer read; default {@value #DEFAULT_MAX_RESPONSE_BYTES}.
 * </ul>
 *
 * <p>State keys: {@code since} (the {@code updatedDate_dt} of the last document committed), {@code
 * seen} (the revisions applied inside the overlap), {@code retry} (identifiers whose body is read
 * again), {@code swept} (when the last complete sweep started), {@code origin} (the URL and filter the
 * others belong to; another starts over) (docs/CBD.md).
 *
 * <p>Thread-safety: stateless; harvesters it creates are used by one run at a time.
 */
public final class CbdHarvesterFactory implements HarvesterFactory {

    /** The descriptor. */
    public static final HarvestProtocol PROTOCOL = new HarvestProtocol(
            "cbd", "The CBD clearing-house API (Solr index and documents), incrementally, deletions by sweep");

    /** Option: the realm. */
    public static final String REALM = "realm";
    /** Option: the schemas. */
    public static final String SCHEMAS = "schemas";
    /** Option: the countries. */
    public static final String GOVERNMENT = "government";
    /** Option: the page size. */
    public static final String ROWS = "rows";
    /** Option: the record base IRI. */
    public static final String BASE = "base";
    /** Option: the overlap. */
    public static final String OVERLAP = "overlap";
    /** Option: the sweep period. */
    public static final String SWEEP_EVERY = "sweepEvery";
    /** Option: the response size limit. */
    public static final String MAX_RESPONSE_BYTES = "maxResponseBytes";

    /** Default realm. */
    public static final String DEFAULT_REALM = "chm";
    /** Default page size. */
    public static final int DEFAULT_ROWS = 500;
    /** Default overlap: one hour. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofHours(1);
    /** Default sweep period: one day. */
    public static final Duration DEFAULT_SWEEP_EVERY = Duration.ofDays(1);
    /** Default response size limit: 64 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    private static final Set<String> OPTIONS =
            Set.of(REALM, SCHEMAS, GOVERNMENT, ROWS, BASE, OVERLAP, SWEEP_EVERY, MAX_RESPONSE_BYTES);

    private final Thesaurus thesaurus;

    /** A factory with the classpath thesaurus; what the registry uses. */
    public CbdHarvesterFactory() {
        this(Thesaurus.fromClasspath());
    }

    /** A factory that looks CBD terms up in {@code thesaurus}. */
    public CbdHarvesterFactory(Thesaurus thesaurus) {
        this.thesaurus = Objects.requireNonNull(thesaurus, "thesaurus");
    }

    @Override
    public HarvestProtocol protocol() {
        return PROTOCOL;
    }

    /** @throws IllegalArgumentException if an option is unknown or invalid */
    @Override
    public Harvester create(HarvestSource source, HarvestContext context) {
        Options options = Options.of(source);
        OkHttpClient http = context.http()
                .newBuilder()
                .addInterceptor(new HeaderInterceptor("Realm", options.realm()))
                .build();
        return new CbdHarvester(source, context, http, options, new CbdMapper(options.base(), thesaurus));
    }

    /** The options of one source, checked. */
    record Options(
            String realm,
            List<CbdSchema> schemas,
            List<String> governments,
            int rows,
            String base,
            Duration overlap,
            Duration sweepEvery,
            long maxResponseBytes) {

        static Options of(HarvestSource source) {
            source.requireKnownOptions(OPTIONS);
            String realm = source.options().getOrDefault(REALM, DEFAULT_REALM).strip();
            if (!realm.matches("[A-Za-z][A-Za-z0-9-]*")) {
                throw new IllegalArgumentException(
                        "Source " + source.name() + ": option realm must be a realm name such as chm: '" + realm + "'");
            }
            List<CbdSchema> schemas = new ArrayList<>();
            String schemaList = source.options().get(SCHEMAS);
            if (schemaList == null) {
                schemas.addAll(CbdSchema.all());
            } else {
                for (String name : schemaList.split(",")) {
                    if (name.isBlank()) {
                        continue;
                    }
                    schemas.add(CbdSchema.named(name.strip())
                            .orElseThrow(() -> new IllegalArgumentException("Source " + source.name()
                                    + ": option schemas names '" + name.strip() + "', which the cbd harvester does not"
                                    + " read; known: "
                                    + CbdSchema.all().stream()
                                            .map(CbdSchema::schemaName)
                                            .toList())));
                }
                if (schemas.isEmpty()) {
                    throw new IllegalArgumentException("Source " + source.name() + ": option schemas is empty");
                }
            }
            List<String> governments = new ArrayList<>();
            for (String code : source.options().getOrDefault(GOVERNMENT, "").split(",")) {
                if (code.isBlank()) {
                    continue;
                }
                String c = code.strip().toLowerCase(Locale.ROOT);
                if (!c.matches("[a-z]{2,3}")) {
                    throw new IllegalArgumentException("Source " + source.name()
                            + ": option government lists ISO 3166-1 alpha-2 codes such as ca: '" + code.strip() + "'");
                }
                governments.add(c);
            }
            int rows = (int) source.wholeNumberOption(ROWS, DEFAULT_ROWS, 1, 10_000);
            String base = source.options().getOrDefault(BASE, source.url().toString());
            if (!base.endsWith("/")) {
                throw new IllegalArgumentException(
                        "Source " + source.name() + ": option base (or the source URL) must end with '/': " + base);
            }
            Duration overlap = source.durationOption(OVERLAP, DEFAULT_OVERLAP);
            Duration sweepEvery = source.durationOption(SWEEP_EVERY, DEFAULT_SWEEP_EVERY);
            long maxBytes = source.wholeNumberOption(
                    MAX_RESPONSE_BYTES, DEFAULT_MAX_RESPONSE_BYTES, 1024, Integer.MAX_VALUE - 8);
            return new Options(
                    realm, List.copyOf(schemas), List.copyOf(governments), rows, base, overlap, sweepEvery, maxBytes);
        }

        /**
         * The canonical filter of every query (INCUMBENTS.md part A 1.5, "Implications"): current
         * revisions only, public, this realm, these schemas (and countries).
         */
        String filter() {
            StringBuilder q = new StringBuilder("NOT version_s:* AND _state_s:public AND realm_ss:")
                    .append(Solr.escape(realm.toLowerCase(Locale.ROOT)))
                    .append(" AND ")
                    .append(Solr.anyOf(
                            "schema_s",
                            schemas.stream().map(CbdSchema::schemaName).toList()));
            if (!governments.isEmpty()) {
                q.append(" AND ").append(Solr.anyOf("government_s", governments));
            }
            return q.toString();
        }
    }
}
