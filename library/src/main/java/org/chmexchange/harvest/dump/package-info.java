/**
 * Protocol {@code rdf-dump}: a whole RDF document at a URL (Turtle, N-Triples, N-Quads, JSON-LD,
 * RDF/XML, optionally gzipped), fetched with a conditional GET, spooled to disk and committed in
 * pages of whole records, the last a snapshot.
 * See {@link org.chmexchange.harvest.dump.DumpHarvesterFactory} and docs/HARVESTING.md.
 */
package org.chmexchange.harvest.dump;
