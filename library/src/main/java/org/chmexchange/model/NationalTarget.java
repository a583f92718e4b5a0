package org.chmexchange.model;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * A national target ({@code chm:NationalTarget}, MODEL.md "NationalTarget"): a target a Party sets
 * itself under a treaty, such as a national target under the Kunming-Montreal Global Biodiversity
 * Framework (the CBD's {@code nationalTarget7}, INCUMBENTS.md part A 1.2), with the global goals and
 * targets it aligns with. Its text is the title and summary of {@link #common()}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param common the properties every record has; its title must not be empty
 * @param treaties {@code chm:treaty}, at least one
 * @param country {@code chm:country}, the country's concept; not null
 * @param goals {@code chm:globalGoalAlignment}, concepts of {@code chmt:gbf-goals}; never null
 * @param targets {@code chm:globalTargetAlignment}, concepts of {@code chmt:gbf-targets}; never null
 */
public record NationalTarget(Common common, Set<IRI> treaties, IRI country, Set<IRI> goals, Set<IRI> targets)
        implements Record {

    /**
     * @throws NullPointerException if {@code common} or {@code country} is {@code null}, or a
     *     collection contains {@code null}
     * @throws IllegalArgumentException if {@code treaties} or the title is empty
     */
    public NationalTarget {
        Objects.requireNonNull(common, "common");
        treaties = Check.nonEmptyIris(treaties, "treaties");
        Objects.requireNonNull(country, "country");
        goals = Check.iris(goals, "goals");
        targets = Check.iris(targets, "targets");
        Check.titled(common.title(), "NationalTarget " + common.iri());
    }

    /** The target with these values; the goal and target collections may be {@code null} for none. */
    public static NationalTarget of(
            Common common, Collection<IRI> treaties, IRI country, Collection<IRI> goals, Collection<IRI> targets) {
        return new NationalTarget(common, Check.set(treaties), country, Check.set(goals), Check.set(targets));
    }

    @Override
    public RecordType type() {
        return RecordType.NATIONAL_TARGET;
    }

    @Override
    public NationalTarget withCommon(Common newCommon) {
        return new NationalTarget(newCommon, treaties, country, goals, targets);
    }
}
