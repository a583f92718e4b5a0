package org.chmexchange.harvest.odata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestProtocol;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.Harvester;
import org.chmexchange.harvest.HarvesterFactory;
import org.chmexchange.http.HeaderInterceptor;
import org.chmexchange.informea.InformeaEntitySet;
import org.chmexchange.informea.InformeaMapper;
import org.chmexchange.informea.InformeaTreaties;
import org.chmexchange.thesaurus.Thesaurus;
import org.eclipse.rdf4j.model.IRI;

/**
 * Protocol {@code odata}: an InforMEA OData service (INCUMBENTS.md part B 1, 3; docs/INFORMEA.md).
 *
 * <p>The source URL is the service root ({@code https://odata.example.org/informea.svc}). Options (an
 * unknown option is an error):
 * <ul>
 *   <li>{@code entitySets}: comma-separated names ({@code Decisions,Meetings}); default: those of
 *       {@link InformeaEntitySet} that the service document lists (all of them when the service has
 *       no service document);
 *   <li>{@code version}: {@code auto} (default: from the {@code OData-Version} or {@code
 *       DataServiceVersion} header of the service document), or {@code 1} to {@code 4};
 *   <li>{@code pageSize}: {@code $top}, 1 to 1,000; default {@value #DEFAULT_PAGE_SIZE};
 *   <li>{@code treaty}: the InforMEA identifier of the treaty of rows that name none;
 *   <li>{@code treatyNames}: more free-text treaty names, {@code name=id} pairs separated by {@code |};
 *   <li>{@code base}: the base IRI records are minted under; default the source URL with a final
 *       {@code /} (give the sources of one MEA the same base so decisions find their meetings);
 *   <li>{@code usernameEnv}, {@code passwordEnv}: environment variables holding HTTP Basic
 *       credentials, sent to the service's origin only; both or neither;
 *   <li>{@code fullEvery}: how often a full run (everything read, then the deletion sweep) replaces
 *       the incremental run, an ISO 8601 duration; default {@code P7D};
 *   <li>{@code overlap}: how far before the last {@code updated} seen an incremental run starts
 *       again; default {@code PT1H};
 *   <li>{@code maxResponseBytes}: the largest answer read; default {@value #DEFAULT_MAX_RESPONSE_BYTES}.
 * </ul>
 *
 * <p>Thread-safety: stateless; harvesters it creates are used by one run at a time.
 */
public final class ODataHarvesterFactory implements HarvesterFactory {

    /** The descriptor. */
    public static final HarvestProtocol PROTOCOL = new HarvestProtocol(
            "odata", "An InforMEA OData service (v1-v4; JSON verbose, v4 JSON, Atom), incrementally by updated");

    static final String ENTITY_SETS = "entitySets";
    static final String VERSION = "version";
    static final String PAGE_SIZE = "pageSize";
    static final String TREATY = "treaty";
    static final String TREATY_NAMES = "treatyNames";
    static final String BASE = "base";
    static final String USERNAME_ENV = "usernameEnv";
    static final String PASSWORD_ENV = "passwordEnv";
    static final String FULL_EVERY = "fullEvery";
    static final String OVERLAP = "overlap";
    static final String MAX_RESPONSE_BYTES = "maxResponseBytes";

    /** Default page size, InforMEA's own (part B 1.3). */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** Default response size limit: 64 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    private static final Set<String> OPTIONS = Set.of(
            ENTITY_SETS,
            VERSION,
            PAGE_SIZE,
            TREATY,
            TREATY_NAMES,
            BASE,
            USERNAME_ENV,
            PASSWORD_ENV,
            FULL_EVERY,
            OVERLAP,
            MAX_RESPONSE_BYTES);

    private final Thesaurus thesaurus;
    private final Function<String, String> environment;

    /** A factory with the classpath thesaurus and the process environment; what the registry uses. */
    public ODataHarvesterFactory() {
        this(Thesaurus.fromClasspath(), System::getenv);
    }

    /**
     * @param thesaurus where treaties, countries and keywords are looked up
     * @param environment the environment variables (for the credentials), by name; null for an unset one
     */
    public ODataHarvesterFactory(Thesaurus thesaurus, Function<String, String> environment) {
        this.thesaurus = Objects.requireNonNull(thesaurus, "thesaurus");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public HarvestProtocol protocol() {
        return PROTOCOL;
    }

    /** @throws IllegalArgumentException if an option is unknown or invalid, or a credential is unset */
    @Override
    public Harvester create(HarvestSource source, HarvestContext context) {
        source.requireKnownOptions(OPTIONS);
        Map<String, String> o = source.options();
        String what = "Source " + source.name() + ": ";
        List<InformeaEntitySet> sets = new ArrayList<>();
        if (o.containsKey(ENTITY_SETS)) {
            for (String name : o.get(ENTITY_SETS).split(",")) {
                if (!name.isBlank()) {
                    sets.add(InformeaEntitySet.named(name)
                            .orElseThrow(() -> new IllegalArgumentException(what
                                    + "option entitySets names '" + name.strip() + "', which is not one of "
                                    + List.of(InformeaEntitySet.values()).stream()
                                            .map(InformeaEntitySet::setName)
                                            .toList())));
                }
            }
            if (sets.isEmpty()) {
                throw new IllegalArgumentException(what + "option entitySets is empty");
            }
        }
        String v = o.getOrDefault(VERSION, "auto").strip();
        int version;
        if (v.equals("auto")) {
            version = 0;
        } else if (v.matches("[1-4]")) {
            version = Integer.parseInt(v);
        } else {
            throw new IllegalArgumentException(what + "option version is auto, 1, 2, 3 or 4: '" + v + "'");
        }
        int pageSize = (int) source.wholeNumberOption(PAGE_SIZE, DEFAULT_PAGE_SIZE, 1, 1_000);
        InformeaTreaties treaties = new InformeaTreaties(thesaurus).withNames(treatyNames(what, o.get(TREATY_NAMES)));
        IRI defaultTreaty = null;
        if (o.containsKey(TREATY)) {
            defaultTreaty = treaties.resolve(o.get(TREATY))
                    .orElseThrow(() -> new IllegalArgumentException(
                            what + "option treaty '" + o.get(TREATY) + "' is not a treaty of the treaty scheme"));
        }
        String root = source.url().toString();
        String base = o.getOrDefault(BASE, root.endsWith("/") ? root : root + "/");
        InformeaMapper mapper;
        try {
            mapper = new InformeaMapper(base, thesaurus, treaties, defaultTreaty);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + "option base: " + e.getMessage(), e);
        }
        OkHttpClient http = context.http();
        if (o.containsKey(USERNAME_ENV) || o.containsKey(PASSWORD_ENV)) {
            String user = credential(what, o.get(USERNAME_ENV), USERNAME_ENV);
            String password = credential(what, o.get(PASSWORD_ENV), PASSWORD_ENV);
            http = http.newBuilder()
                    .addInterceptor(new HeaderInterceptor("Authorization", Credentials.basic(user, password)))
                    .build();
        }
        Settings settings = new Settings(
                List.copyOf(sets),
                version,
                pageSize,
                source.durationOption(FULL_EVERY, Duration.ofDays(7)),
                source.durationOption(OVERLAP, Duration.ofHours(1)),
                source.wholeNumberOption(MAX_RESPONSE_BYTES, DEFAULT_MAX_RESPONSE_BYTES, 1024, Integer.MAX_VALUE - 8));
        return new ODataHarvester(source, context, http, settings, mapper);
    }

    /** The checked options of one source. */
    record Settings(
            List<InformeaEntitySet> entitySets,
            int version,
            int pageSize,
            Duration fullEvery,
            Duration overlap,
            long maxResponseBytes) {}

    private String credential(String what, String variable, String option) {
        if (variable == null) {
            throw new IllegalArgumentException(
                    what + "options usernameEnv and passwordEnv go together; " + option + " is missing");
        }
        String value = environment.apply(variable.strip());
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(
                    what + "option " + option + " names environment variable " + variable + ", which is not set");
        }
        return value;
    }

    private static Map<String, String> treatyNames(String what, String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        for (String pair : value.split("\\|")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.lastIndexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException(
                        what + "option treatyNames is name=id pairs separated by |: '" + pair.strip() + "'");
            }
            out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return out; // the identifiers are checked by InformeaTreaties.withNames
    }
}
