package org.chmexchange.informea;

import java.util.Objects;
import java.util.Set;
import org.chmexchange.mapping.SourceValues;
import org.chmexchange.model.RecordType;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * The one rule between the {@code id} of an InforMEA row and a record IRI, both ways: the harvester
 * ({@link InformeaMapper#recordIri}) and the provider ({@code org.chmexchange.odata}) use it, so a
 * node harvesting another node's {@code /informea.svc} with that node's base ends with the same IRIs.
 *
 * <ul>
 *   <li>An {@code id} that is an absolute http(s) IRI is the record IRI itself (no MEA feed has such
 *       ids; the provider gives them for records minted elsewhere).
 *   <li>Any other {@code id} names the record {@code {base}records/{type}/{id}}, characters outside
 *       the record-id alphabet replaced ({@link SourceValues#recordId}); a national plan's is {@code
 *       {base}records/national-report/plan-{id}} (plan ids may repeat those of country reports).
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
public final class InformeaIds {

    /** The prefix of a national plan's record id: {@value}. */
    public static final String PLAN_PREFIX = "plan-";

    /**
     * The notations of the report types served as {@code NationalPlans} (the others as {@code
     * CountryReports}): the InforMEA NationalPlanType values the report-type code list has, and its
     * generic {@code national-plan}.
     */
    public static final Set<String> PLAN_TYPES = Set.of("national-plan", "nbsap", "nip", "napa", "nap");

    private InformeaIds() {}

    /**
     * The record IRI of the row of {@code set} with that {@code id}.
     *
     * @param base the base IRI records are minted under, ending in {@code /}
     * @throws IllegalArgumentException if {@code id} cannot name a record
     */
    public static IRI recordIri(String base, InformeaEntitySet set, String id) {
        Objects.requireNonNull(id, "id");
        if (isAbsolute(id)) {
            return Values.iri(id.strip());
        }
        String local = set == InformeaEntitySet.NATIONAL_PLANS ? PLAN_PREFIX + id : id;
        return set.recordType().mint(base, SourceValues.recordId(local));
    }

    /**
     * The {@code id} the provider gives the record {@code iri} in {@code set}: its local id when {@link
     * #recordIri} gives the IRI back from it under {@code base}, else the IRI itself.
     *
     * @param base the node's base IRI, ending in {@code /}
     */
    public static String entityId(String base, InformeaEntitySet set, IRI iri) {
        String s = iri.stringValue();
        String prefix = base + "records/" + set.recordType().slug() + "/";
        if (s.startsWith(prefix)) {
            String local = s.substring(prefix.length());
            if (set == InformeaEntitySet.NATIONAL_PLANS) {
                local = local.startsWith(PLAN_PREFIX) ? local.substring(PLAN_PREFIX.length()) : null;
            }
            if (local != null && !local.isEmpty() && !isAbsolute(local)) {
                try {
                    if (recordIri(base, set, local).equals(iri)) {
                        return local;
                    }
                } catch (IllegalArgumentException e) {
                    // not a local id; the IRI below names the record
                }
            }
        }
        return s;
    }

    /**
     * The entity set a deleted national report was served in, from its IRI alone (its report type is
     * gone with it): {@code NationalPlans} for a local id with the plan prefix, else {@code
     * CountryReports}; the entity set of the type for any other record.
     */
    public static InformeaEntitySet setOfDeleted(String base, RecordType type, IRI iri) {
        if (type == RecordType.NATIONAL_REPORT) {
            String plans = base + "records/" + type.slug() + "/" + PLAN_PREFIX;
            return iri.stringValue().startsWith(plans)
                    ? InformeaEntitySet.NATIONAL_PLANS
                    : InformeaEntitySet.COUNTRY_REPORTS;
        }
        for (InformeaEntitySet set : InformeaEntitySet.values()) {
            if (set.recordType() == type) {
                return set;
            }
        }
        throw new IllegalArgumentException("No InforMEA entity set holds records of type " + type.slug());
    }

    private static boolean isAbsolute(String id) {
        String s = id.strip();
        return (s.startsWith("http://") || s.startsWith("https://")) && s.indexOf(' ') < 0;
    }
}
