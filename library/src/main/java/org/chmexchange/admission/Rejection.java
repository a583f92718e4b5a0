package org.chmexchange.admission;

import java.util.Objects;
import org.chmexchange.validation.ValidationReport;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;

/**
 * A record (or a would-be record) that a step of the pipeline refused.
 *
 * @param subject the record IRI, or the blank node or IRI that could not be a record; not null
 * @param gate the name of the step that refused it ({@link Gate#name()}, or {@code "split"})
 * @param reason why, in words; not null
 * @param report the validation report when the validation gate refused it, else null
 */
public record Rejection(Resource subject, String gate, String reason, ValidationReport report) {

    /** The name of the splitter's own refusals (blank-node records, several record classes). */
    public static final String SPLIT = "split";

    public Rejection {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(reason, "reason");
    }

    /** The subject as a record IRI, or null for a blank node. */
    public IRI iri() {
        return subject.isIRI() ? (IRI) subject : null;
    }
}
