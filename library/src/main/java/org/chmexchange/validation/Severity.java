package org.chmexchange.validation;

import java.util.Objects;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.vocabulary.SHACL;

/**
 * The severity of a {@link Violation}, one of the three SHACL severities.
 *
 * <p>Thread-safety: immutable.
 */
public enum Severity {

    /** {@code sh:Info}: an informative message, not an error. */
    INFO(SHACL.INFO),
    /** {@code sh:Warning}: a problem that does not make the record unusable. */
    WARNING(SHACL.WARNING),
    /** {@code sh:Violation}: the record breaks the common format. The default severity of shapes. */
    VIOLATION(SHACL.VIOLATION);

    private final IRI iri;

    Severity(IRI iri) {
        this.iri = iri;
    }

    /** The SHACL IRI of this severity ({@code sh:Violation}, ...). */
    public IRI iri() {
        return iri;
    }

    /**
     * The severity of a SHACL severity IRI.
     *
     * @param iri a severity IRI; not null
     * @return its severity; {@link #VIOLATION} for an IRI other than the three SHACL severities
     *     (SHACL lets shapes use their own severities; they are treated as violations)
     */
    public static Severity of(IRI iri) {
        Objects.requireNonNull(iri, "iri");
        for (Severity severity : values()) {
            if (severity.iri.equals(iri)) {
                return severity;
            }
        }
        return VIOLATION;
    }
}
