/**
 * Validation of records against the SHACL shapes of the common format ({@code shapes.ttl},
 * docs/MODEL.md).
 *
 * <p>{@link org.chmexchange.validation.RecordValidator} is the entry point: it parses the shapes
 * once, validates any number of records per call with RDF4J's SHACL engine and returns a
 * {@link org.chmexchange.validation.ValidationReport} of
 * {@link org.chmexchange.validation.Violation}s. Invalid data is never an exception: the report
 * is the answer, usable as the body of an HTTP 422 response ({@code ValidationReport.toMap()}) and
 * as a harvest log entry ({@code toString()}, one line per violation).
 * {@link org.chmexchange.validation.ValidatorException} only signals that the validator itself
 * cannot work (unusable shapes, closed validator, engine failure).
 */
package org.chmexchange.validation;
