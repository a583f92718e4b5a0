/**
 * The one admission pipeline every inbound path goes through (the publishing API and every
 * harvester): statements arrive as a stream ({@link org.chmexchange.admission.RecordSplitter} is an
 * RDF4J {@code RDFHandler}, fed by a parser or by a mapper), the splitter decides which statements
 * belong to which record (the rule of {@link org.chmexchange.model.RecordIris}), then the
 * {@link org.chmexchange.admission.Gate}s run in order (record IRIs, scope, ownership, validation),
 * each rejecting records with a reason, and the admitted records go to the store in one write.
 * A unit too large for memory (a dump) goes through a {@link org.chmexchange.admission.RecordSpool}
 * on disk first, which gives it back in parts of whole records; a full run ends with the
 * {@link org.chmexchange.admission.SnapshotSweep}.
 *
 * <pre>{@code
 * RecordSplitter splitter = new RecordSplitter();
 * Rio.createParser(RDFFormat.TURTLE).setRDFHandler(splitter).parse(in, base);
 * Batch batch = Admission.of(Gates.recordIris(), Gates.ownership(store, graph),
 * Gates.validation(validator, store, graph)).admit(splitter.batch());
 * }</pre>
 */
package org.chmexchange.admission;
