package org.chmexchange.jena;

import java.util.Objects;
import org.apache.jena.rdf.model.Model;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.validation.ValidationReport;

/**
 * Validates records held in a Jena model against the project's SHACL shapes, with the same validator,
 * so the same report ({@link ValidationReport}: each violation's focus node, path, severity, message
 * and shape), as {@link RecordValidator} gives for the same statements in RDF4J.
 *
 * <p>Thread-safety: as {@link RecordValidator}. Lifecycle: close it when done (it holds the
 * validator's reference data).
 */
public final class JenaValidator implements AutoCloseable {

    private final RecordValidator validator;

    /** A validator with the project's shapes and reference data (the thesaurus and code lists). */
    public JenaValidator() {
        this(new RecordValidator());
    }

    /** A validator over an existing {@link RecordValidator}, which this one then owns. */
    public JenaValidator(RecordValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * Validates the records of {@code data}.
     *
     * @throws org.chmexchange.validation.ValidatorException if validation cannot run
     */
    public ValidationReport validate(Model data) {
        return validator.validate(JenaModels.toRdf4j(Objects.requireNonNull(data, "data")));
    }

    @Override
    public void close() {
        validator.close();
    }
}
