/**
 * SPARQL 1.1 Query over a record store's public statements: {@link org.chmexchange.sparql.SparqlQueries}
 * parses a query with RDF4J's SPARQL parser and evaluates it with RDF4J's query engine over one
 * consistent snapshot of the store ({@link org.chmexchange.store.RecordStore#readPublic}), with a
 * time limit and a result limit; {@link org.chmexchange.sparql.SparqlResult} holds the answer and
 * writes it in the SPARQL 1.1 result formats ({@link org.chmexchange.sparql.SparqlResultFormat}) or,
 * for CONSTRUCT and DESCRIBE, in every RDF format of {@link org.chmexchange.rdf.RecordWriter}.
 * Read-only: an update is refused. The store's own graphs are never visible.
 */
package org.chmexchange.sparql;
