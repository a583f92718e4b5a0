/**
 * Thesaurus imports: the CBD thesaurus read as SKOS and kept in a named graph of the store beside
 * the shared thesaurus, merged into the node's thesaurus when it starts (docs/CBD.md, "Thesaurus
 * import").
 */
package org.chmexchange.node.thesaurus;
