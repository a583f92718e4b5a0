package org.chmexchange.model;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;

/**
 * The properties every record has (MODEL.md, "All records"), held by each record type as its first
 * component. {@code chm:treaty} is not here: its cardinality differs by type, so each type holds
 * it.
 *
 * <pre>{@code
 * Common common = Common.builder(RecordType.DECISION.mint(base, "cbd-decision-15-4"), "15/4")
 *         .title(LangText.of("en", "Kunming-Montreal Global Biodiversity Framework"))
 *         .concepts(List.of(ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-01")))
 *         .build();
 * }</pre>
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 *
 * @param iri the record IRI; not null, without a fragment ({@code #} starts the IRIs of nested
 *     resources)
 * @param identifier {@code dcterms:identifier}, the code or symbol as issued; not null or blank
 * @param title {@code dcterms:title}; never null, may be empty
 * @param summary {@code dcterms:description}; never null, may be empty
 * @param modified {@code dcterms:modified}, set by the storing node; null when absent
 * @param modifiedAtSource {@code chm:modifiedAtSource}: when the record last changed at the node it
 *     comes from, as that node stated it (kept by every node that harvests it); null for a node's
 *     own records and when the source stated none
 * @param concepts {@code dcterms:subject}, thesaurus concepts; never null
 * @param status {@code chm:status}, a concept of {@code chmt:statuses}; null when absent
 * @param files {@code chm:file}, each with an IRI {@code {iri}#...}, in IRI order; never null
 * @param cites {@code chm:cites}, IRIs of cited records; never null
 * @param cbdIdentifier {@code chm:cbdIdentifier}; null when absent
 * @param informeaId {@code chm:informeaId}; null when absent
 */
public record Common(
        IRI iri,
        String identifier,
        LangText title,
        LangText summary,
        Instant modified,
        Instant modifiedAtSource,
        Set<IRI> concepts,
        IRI status,
        List<FileRef> files,
        Set<IRI> cites,
        String cbdIdentifier,
        String informeaId) {

    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)$");

    /** Orders files by IRI, comparing a trailing number numerically ({@code #file-2 < #file-10}). */
    private static final Comparator<FileRef> FILE_ORDER =
            (a, b) -> compareNatural(a.iri().stringValue(), b.iri().stringValue());

    /**
     * @throws NullPointerException if {@code iri} or {@code identifier} is {@code null}, or a
     *     collection contains {@code null}
     * @throws IllegalArgumentException if {@code iri} has a fragment, {@code identifier} is blank,
     *     a file IRI does not start with {@code iri + "#"}, or two files share an IRI
     */
    public Common {
        Objects.requireNonNull(iri, "iri");
        if (iri.stringValue().indexOf('#') >= 0) {
            throw new IllegalArgumentException("A record IRI has no fragment: " + iri);
        }
        Check.nonBlank(identifier, "identifier");
        title = Check.text(title);
        summary = Check.text(summary);
        concepts = Check.iris(concepts, "concepts");
        cites = Check.iris(cites, "cites");
        files = files(iri, files);
    }

    /** The record {@code iri} with {@code identifier} and nothing else. */
    public static Common of(IRI iri, String identifier) {
        return builder(iri, identifier).build();
    }

    /** A builder for the record {@code iri} with {@code identifier}. */
    public static Builder builder(IRI iri, String identifier) {
        return new Builder(iri, identifier);
    }

    /** A builder holding every value of this one. */
    public Builder toBuilder() {
        return builder(iri, identifier)
                .title(title)
                .summary(summary)
                .modified(modified)
                .modifiedAtSource(modifiedAtSource)
                .concepts(concepts)
                .status(status)
                .files(files)
                .cites(cites)
                .cbdIdentifier(cbdIdentifier)
                .informeaId(informeaId);
    }

    private static List<FileRef> files(IRI record, List<FileRef> files) {
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        String prefix = record.stringValue() + "#";
        List<FileRef> sorted = new ArrayList<>(files.size());
        Set<IRI> seen = new HashSet<>();
        for (FileRef file : files) {
            Objects.requireNonNull(file, "files contains null");
            if (!file.iri().stringValue().startsWith(prefix)) {
                throw new IllegalArgumentException(
                        "File IRI " + file.iri() + " is not nested in record " + record + " ({record}#...)");
            }
            if (!seen.add(file.iri())) {
                throw new IllegalArgumentException("Two files with IRI " + file.iri());
            }
            sorted.add(file);
        }
        sorted.sort(FILE_ORDER);
        return List.copyOf(sorted);
    }

    private static int compareNatural(String a, String b) {
        Matcher ma = TRAILING_NUMBER.matcher(a);
        Matcher mb = TRAILING_NUMBER.matcher(b);
        if (ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1))) {
            int byNumber = new BigInteger(ma.group(2)).compareTo(new BigInteger(mb.group(2)));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return a.compareTo(b);
    }

    /** Builds a {@link Common}; every setter accepts {@code null} for "absent" or "none". */
    public static final class Builder {

        private final IRI iri;
        private final String identifier;
        private LangText title;
        private LangText summary;
        private Instant modified;
        private Instant modifiedAtSource;
        private Collection<IRI> concepts;
        private IRI status;
        private List<FileRef> files;
        private Collection<IRI> cites;
        private String cbdIdentifier;
        private String informeaId;

        private Builder(IRI iri, String identifier) {
            this.iri = iri;
            this.identifier = identifier;
        }

        public Builder title(LangText value) {
            this.title = value;
            return this;
        }

        public Builder summary(LangText value) {
            this.summary = value;
            return this;
        }

        public Builder modified(Instant value) {
            this.modified = value;
            return this;
        }

        /** Sets {@code modifiedAtSource}; null for none. */
        public Builder modifiedAtSource(Instant value) {
            this.modifiedAtSource = value;
            return this;
        }

        public Builder concepts(Collection<IRI> value) {
            this.concepts = value;
            return this;
        }

        public Builder status(IRI value) {
            this.status = value;
            return this;
        }

        public Builder files(List<FileRef> value) {
            this.files = value;
            return this;
        }

        public Builder cites(Collection<IRI> value) {
            this.cites = value;
            return this;
        }

        public Builder cbdIdentifier(String value) {
            this.cbdIdentifier = value;
            return this;
        }

        public Builder informeaId(String value) {
            this.informeaId = value;
            return this;
        }

        /**
         * @throws NullPointerException or IllegalArgumentException as the {@link Common}
         *     constructor
         */
        public Common build() {
            return new Common(
                    iri,
                    identifier,
                    title,
                    summary,
                    modified,
                    modifiedAtSource,
                    Check.set(concepts),
                    status,
                    files,
                    Check.set(cites),
                    cbdIdentifier,
                    informeaId);
        }
    }
}
