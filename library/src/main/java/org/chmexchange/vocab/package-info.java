/**
 * The terms of the common format (docs/MODEL.md): constants of our ontology ({@link
 * org.chmexchange.vocab.CHM}), of the shared thesaurus ({@link org.chmexchange.vocab.ChmThesaurus})
 * and of standard vocabularies RDF4J lacks ({@link org.chmexchange.vocab.Std}), and the loader of the
 * RDF resources of the vocabularies module ({@link org.chmexchange.vocab.Vocabularies}).
 *
 * <p>Tests keep the constants, {@code ontology.ttl} and {@code shapes.ttl} in step.
 */
package org.chmexchange.vocab;
