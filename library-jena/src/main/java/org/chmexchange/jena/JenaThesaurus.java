package org.chmexchange.jena;

import java.util.Objects;
import org.apache.jena.rdf.model.Model;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.Vocabularies;

/**
 * The thesaurus on a Jena model: the shared CHM thesaurus as a Jena model, and a {@link Thesaurus}
 * (look-up by IRI or notation, labels in a language with fallback, broader and narrower, label search)
 * loaded from any SKOS held in a Jena model.
 *
 * <p>Thread-safety: stateless; a loaded {@link Thesaurus} is immutable.
 */
public final class JenaThesaurus {

    private JenaThesaurus() {}

    /** The project's shared thesaurus (SKOS: concept schemes, concepts, code lists) as a new Jena model. */
    public static Model chmThesaurus() {
        return JenaModels.toJena(Vocabularies.thesaurus());
    }

    /** A thesaurus of the SKOS in a Jena model ({@link Thesaurus#load} over its statements). */
    public static Thesaurus load(Model skos) {
        return Thesaurus.load(JenaModels.toRdf4j(Objects.requireNonNull(skos, "skos")));
    }
}
