/** Internals of the record store (triple-level operations, the Lucene index). Not API. */
package org.chmexchange.store.internal;
