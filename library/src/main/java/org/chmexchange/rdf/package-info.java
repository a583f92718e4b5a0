/**
 * RDF for records: {@link org.chmexchange.rdf.RecordMapper} maps typed records to RDF and back,
 * {@link org.chmexchange.rdf.RecordWriter} and {@link org.chmexchange.rdf.RecordReader} write and
 * read the serialisations described by {@link org.chmexchange.rdf.RecordFormat}, which also does
 * HTTP content negotiation.
 *
 * <p>JSON-LD uses the context {@code https://w3id.org/chm-exchange/context.jsonld}
 * ({@link org.chmexchange.vocab.Vocabularies#CONTEXT_IRI}), always resolved from the classpath: no
 * class of this package ever fetches a document from the network.
 *
 * <p>Errors: {@link org.chmexchange.rdf.RecordMappingException} (RDF that is not a valid record),
 * {@link org.chmexchange.rdf.RecordParseException} (malformed or unsafe input), both
 * {@link org.chmexchange.ChmException}s; {@link java.io.UncheckedIOException} for I/O failures of
 * the caller's streams.
 */
package org.chmexchange.rdf;
