/**
 * The record store: records as RDF in named graphs (an embedded Jena TDB2 store by default, chosen
 * because it survives SIGKILL at any moment: docs/STORE.md; any RDF4J repository otherwise) and the
 * node's own Lucene record index for filtered, full-text, keyset-paged listing. Entry point:
 * {@link org.chmexchange.store.RecordStore}; {@link org.chmexchange.store.RecordStore#check()} checks
 * a store against its invariants.
 */
package org.chmexchange.store;
