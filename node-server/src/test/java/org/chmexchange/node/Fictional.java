package org.chmexchange.node;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.chmexchange.model.RecordType;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordReader;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.WriteResult;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;

/** Valid records about fictional people, for exchange tests. */
public final class Fictional {

    private Fictional() {}

    /**
     * A CBD national focal point (FP1) of {@code country}, minted under {@code base}.
     *
     * @param id the record id, such as {@code co-cbd-fp1-ana}
     */
    public static Model focalPoint(String base, String id, String country, String name, String email) {
        IRI iri = RecordType.FOCAL_POINT.mint(base, id);
        String turtle =
                """
                @prefix chm: <https://w3id.org/chm-exchange/ns#> .
                @prefix dcterms: <http://purl.org/dc/terms/> .
                @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
                @prefix treaties: <https://w3id.org/chm-exchange/thesaurus/treaties/> .
                @prefix countries: <https://w3id.org/chm-exchange/thesaurus/countries/> .
                @prefix fpc: <https://w3id.org/chm-exchange/thesaurus/focal-point-categories/> .
                <> a chm:FocalPoint ;
                    dcterms:identifier "%s" ;
                    chm:treaty treaties:cbd ;
                    chm:country countries:%s ;
                    chm:focalPointCategory fpc:CBD-FP1 ;
                    chm:contactKind "person" ;
                    vcard:fn "%s" ;
                    vcard:hasEmail <mailto:%s> .
                """
                        .formatted(id, country, name, email);
        return RecordReader.read(
                new ByteArrayInputStream(turtle.getBytes(StandardCharsets.UTF_8)),
                RecordFormat.TURTLE,
                iri.stringValue());
    }

    /** Writes a focal point into the node's own graph, as a local edit would. */
    public static WriteResult publishLocally(
            RecordStore store, String base, String id, String country, String name, String email) {
        return store.put(focalPoint(base, id, country, name, email), RecordStore.localGraph(base));
    }
}
