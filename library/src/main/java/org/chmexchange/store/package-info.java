/**
 * The record store: records as RDF in named graphs (embedded RDF4J LMDB store by default, any
 * RDF4J repository otherwise) and the node's own Lucene record index for filtered, full-text,
 * keyset-paged listing. Entry point: {@link org.chmexchange.store.RecordStore}.
 */
package org.chmexchange.store;
