/**
 * The CBD clearing-house's JSON formats (docs/CBD.md; INCUMBENTS.md part A): its schemas ({@link
 * org.chmexchange.cbd.CbdSchema}), its multilingual {@code lstring} ({@link
 * org.chmexchange.cbd.LString}), its thesaurus terms ({@link org.chmexchange.cbd.CbdTerms}), its
 * treaty codes ({@link org.chmexchange.cbd.CbdTreaties}) and the mapping of its index documents and
 * record bodies to the common format ({@link org.chmexchange.cbd.CbdMapper}). Used by the {@code
 * cbd} harvester; nothing here makes a request.
 */
package org.chmexchange.cbd;
