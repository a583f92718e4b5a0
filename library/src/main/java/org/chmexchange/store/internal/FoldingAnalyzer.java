package org.chmexchange.store.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Language-neutral analysis for full text in the six UN languages: Unicode word segmentation
 * (UAX #29, so Chinese is split into single ideographs), lower case, Latin accent folding and
 * Arabic normalisation (diacritics and letter variants). No stemming, so a query matches the same
 * words in every language.
 */
final class FoldingAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new ArabicNormalizationFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
