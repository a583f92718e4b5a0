package org.chmexchange.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * A file of a record ({@code chm:File}, MODEL.md "File"): nested in its record, so its IRI is the
 * record IRI plus a fragment, {@code {record}#file-N}, never a blank node.
 *
 * <p>Thread-safety: immutable.
 *
 * @param iri the file's IRI, {@code {record}#...}; not null, must contain {@code #}
 * @param url {@code dcat:downloadURL}, where the file is; not null
 * @param mediaType {@code dcat:mediaType} as a lower-case media type such as
 *     {@code application/pdf} (in RDF the IRI {@code https://www.iana.org/assignments/media-types/application/pdf});
 *     null when unknown
 * @param language {@code dcterms:language} as a lower-case BCP 47 tag; null when unknown
 * @param fileName {@code chm:fileName}; null when unknown
 */
public record FileRef(IRI iri, IRI url, String mediaType, String language, String fileName) {

    /** The base of the IRIs of media types in RDF ({@code dcat:mediaType}). */
    public static final String IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/";

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

    /**
     * @throws NullPointerException if {@code iri} or {@code url} is {@code null}
     * @throws IllegalArgumentException if {@code iri} has no fragment, {@code mediaType} is not
     *     {@code type/subtype} or {@code language} is not a BCP 47 tag
     */
    public FileRef {
        Objects.requireNonNull(iri, "file iri");
        Objects.requireNonNull(url, "file url");
        if (iri.stringValue().indexOf('#') < 0) {
            throw new IllegalArgumentException("File IRI must be {record}#fragment: " + iri);
        }
        if (mediaType != null) {
            mediaType = mediaType.toLowerCase(Locale.ROOT);
            if (!MEDIA_TYPE.matcher(mediaType).matches()) {
                throw new IllegalArgumentException("Not a media type (type/subtype): '" + mediaType + "'");
            }
        }
        if (language != null) {
            language = LangText.normalizeTag(language);
        }
    }

    /**
     * The IRI of the {@code n}-th file of a record: {@code {record}#file-n}.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static IRI iriFor(IRI record, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("File numbers start at 1: " + n);
        }
        return Values.iri(record.stringValue() + "#file-" + n);
    }

    /** The {@code n}-th file of {@code record}, downloadable at {@code url}, nothing else known. */
    public static FileRef of(IRI record, int n, IRI url) {
        return new FileRef(iriFor(record, n), url, null, null, null);
    }

    /** The media type as its IANA IRI ({@code dcat:mediaType}); null when unknown. */
    public IRI mediaTypeIri() {
        return mediaType == null ? null : Values.iri(IANA_MEDIA_TYPES + mediaType);
    }
}
