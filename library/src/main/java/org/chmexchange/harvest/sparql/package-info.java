/**
 * Protocol {@code sparql}: the records of any SPARQL 1.1 endpoint, type by type with keyset
 * paging, through the shared HTTP client (SPARQL 1.1 Protocol requests; results parsed with RDF4J's
 * JSON results parser and Rio). See {@link org.chmexchange.harvest.sparql.SparqlHarvesterFactory}
 * and docs/HARVESTING.md.
 */
package org.chmexchange.harvest.sparql;
