/**
 * Typed, immutable records of the common format (docs/MODEL.md, "Record types" and "Properties").
 *
 * <p>A {@link org.chmexchange.model.Record} is one of {@link org.chmexchange.model.Treaty},
 * {@link org.chmexchange.model.Meeting}, {@link org.chmexchange.model.Decision},
 * {@link org.chmexchange.model.Document}, {@link org.chmexchange.model.NationalReport},
 * {@link org.chmexchange.model.FocalPoint} and {@link org.chmexchange.model.Organization}. The
 * properties every record has (IRI, identifier, title, summary, files...) live in one
 * {@link org.chmexchange.model.Common} value that each record type holds as its first component;
 * {@code Record} exposes them directly ({@code record.title()}).
 *
 * <p>Conventions of every type in this package:
 * <ul>
 *   <li>Values are Java {@code record}s (or enums), immutable and safe to share between threads.
 *   <li>They are validated when constructed: a violated contract throws
 *       {@link java.lang.NullPointerException} for a missing required value and
 *       {@link java.lang.IllegalArgumentException} for an invalid one. Required values are those
 *       with a minimum cardinality of 1 in MODEL.md.
 *   <li>Optional single values (cardinality 0..1) are {@code null} when absent.
 *   <li>Collections are never {@code null} ({@code null} passed in becomes empty), are defensive,
 *       unmodifiable copies, and reject {@code null} elements. Multi-valued RDF properties are sets:
 *       they iterate in the lexical order of their IRIs, so equal records iterate equally. Files are
 *       a list in the order of their IRIs ({@code #file-2} before {@code #file-10}).
 *   <li>Texts with a language ({@code rdf:langString}) are {@link org.chmexchange.model.LangText}
 *       values, never {@code null} but possibly empty.
 * </ul>
 *
 * <p>Conversion to and from RDF is {@link org.chmexchange.rdf.RecordMapper}.
 */
package org.chmexchange.model;
