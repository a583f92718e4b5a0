/**
 * The library for Apache Jena users: the project's records, validation, thesaurus and harvesting in
 * Jena's types. {@link org.chmexchange.jena.JenaModels} converts between RDF4J and Jena models and
 * datasets, losslessly (the term mapping is {@link org.chmexchange.rdf.JenaTerms}); {@link
 * org.chmexchange.jena.JenaRecords} maps typed records to and from a Jena {@code Model}; {@link
 * org.chmexchange.jena.JenaValidator} validates a Jena model with the same SHACL shapes and gives the
 * same report as {@link org.chmexchange.validation.RecordValidator}; {@link
 * org.chmexchange.jena.JenaThesaurus} loads the thesaurus from a Jena model; {@link
 * org.chmexchange.jena.JenaHarvestSink} is a harvest sink that writes into a Jena {@code Dataset}
 * (TDB2 or in memory).
 */
package org.chmexchange.jena;
