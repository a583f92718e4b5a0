package org.chmexchange.harvest.oai;

import java.util.Set;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestProtocol;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.Harvester;
import org.chmexchange.harvest.HarvesterFactory;
import org.chmexchange.oai.DublinCore;
import org.chmexchange.oai.OaiProvider;
import org.chmexchange.oai.OaiSets;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;

/**
 * Protocol {@code oai-pmh}: an OAI-PMH 2.0 data provider (a CHM Exchange node's {@code /oai}, or an
 * MEA document repository on DSpace, Dataverse, EPrints...), harvested incrementally by datestamp
 * with {@code ListRecords}, following resumption tokens, with deleted records (docs/HARVESTING.md,
 * "OAI-PMH").
 *
 * <p>Options (an unknown option is an error):
 * <ul>
 *   <li>{@code metadataPrefix}: {@code oai_dc} (default), mapped to Document records ({@link
 *       DublinCore#document}), or {@code rdf}, the record in RDF/XML as CHM Exchange nodes offer it;
 *   <li>{@code set}: a set spec, to harvest that set only;
 *   <li>{@code treaty}: the InforMEA id of the treaty the repository's documents belong to (for
 *       example {@code cbd}); required with {@code oai_dc}, which has no field for it;
 *   <li>{@code maxResponseBytes}: the largest response read; default {@value #DEFAULT_MAX_RESPONSE_BYTES}.
 * </ul>
 *
 * <p>Record IRIs: an item identifier that is an http(s) IRI names the record; any other (such as
 * {@code oai:repository.example.org:123}) gives the IRI of the item's {@code GetRecord} at the
 * source, which dereferences to it.
 *
 * <p>State keys: {@value OaiPmhHarvester#FROM} (the {@code from} of the next run, in the
 * provider's granularity), {@value OaiPmhHarvester#TOKEN} and {@value OaiPmhHarvester#RUN_FROM}
 * (the resumption token and start of a list in progress), {@value OaiPmhHarvester#ORIGIN} (the
 * source URL, prefix and set they belong to).
 *
 * <p>Thread-safety: stateless; harvesters it creates are used by one run at a time.
 */
public final class OaiPmhHarvesterFactory implements HarvesterFactory {

    /** The descriptor. */
    public static final HarvestProtocol PROTOCOL = new HarvestProtocol(
            "oai-pmh", "An OAI-PMH 2.0 repository, incrementally by datestamp, deleted records included");

    /** Option: the metadata format. */
    public static final String METADATA_PREFIX = "metadataPrefix";
    /** Option: the set to harvest. */
    public static final String SET = "set";
    /** Option: the treaty of {@code oai_dc} documents. */
    public static final String TREATY = "treaty";
    /** Option: the response size limit. */
    public static final String MAX_RESPONSE_BYTES = "maxResponseBytes";
    /** Default response size limit: 64 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    private static final Set<String> OPTIONS = Set.of(METADATA_PREFIX, SET, TREATY, MAX_RESPONSE_BYTES);

    private final Thesaurus thesaurus;

    /** A factory with the classpath thesaurus (for {@code oai_dc} subjects); what the registry uses. */
    public OaiPmhHarvesterFactory() {
        this(Thesaurus.fromClasspath());
    }

    /** A factory matching {@code oai_dc} subjects against {@code thesaurus}. */
    public OaiPmhHarvesterFactory(Thesaurus thesaurus) {
        this.thesaurus = java.util.Objects.requireNonNull(thesaurus, "thesaurus");
    }

    @Override
    public HarvestProtocol protocol() {
        return PROTOCOL;
    }

    /**
     * @throws IllegalArgumentException if an option is unknown or invalid, or {@code oai_dc} is
     *     harvested without a known {@code treaty}
     */
    @Override
    public Harvester create(HarvestSource source, HarvestContext context) {
        source.requireKnownOptions(OPTIONS);
        String prefix = source.options().getOrDefault(METADATA_PREFIX, DublinCore.PREFIX);
        if (!prefix.equals(DublinCore.PREFIX) && !prefix.equals(OaiProvider.RDF_PREFIX)) {
            throw new IllegalArgumentException("Source " + source.name() + ": option metadataPrefix must be "
                    + DublinCore.PREFIX + " or " + OaiProvider.RDF_PREFIX + ", not '" + prefix + "'");
        }
        IRI treaty = null;
        String treatyId = source.options().get(TREATY);
        if (treatyId != null) {
            treaty = ChmThesaurus.treaty(treatyId);
            if (thesaurus.concept(treaty).isEmpty()) {
                throw new IllegalArgumentException("Source " + source.name() + ": option treaty '" + treatyId
                        + "' is not a treaty of the thesaurus (an InforMEA id such as cbd)");
            }
        } else if (prefix.equals(DublinCore.PREFIX)) {
            throw new IllegalArgumentException("Source " + source.name() + ": option treaty is required with "
                    + DublinCore.PREFIX + " (the InforMEA id of the treaty the documents belong to, such as cbd)");
        }
        String set = source.options().get(SET);
        if (set != null && !OaiSets.isSpec(set)) {
            throw new IllegalArgumentException("Source " + source.name() + ": option set '" + set
                    + "' is not a set spec (OAI-PMH 2.0 section 4.6)");
        }
        long maxBytes =
                source.wholeNumberOption(MAX_RESPONSE_BYTES, DEFAULT_MAX_RESPONSE_BYTES, 1024, Integer.MAX_VALUE - 8);
        return new OaiPmhHarvester(source, context, prefix, set, treaty, maxBytes, new DublinCore(thesaurus));
    }
}
