package org.chmexchange.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.ModelBuilder;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;

class TokenScopeTest {

    static final IRI FP_CO = Values.iri("https://chm.example.org/records/focal-point/co-cbd-fp1-ana-ejemplo");
    static final IRI NR_KE = Values.iri("https://chm.example.org/records/national-report/ke-nbsap-2025");
    static final IRI ORG = Values.iri("https://chm.example.org/records/organization/example-institute");

    static final TokenScope COLOMBIA = TokenScope.of(List.of("CO"), List.of(), List.of());
    static final TokenScope COLOMBIA_CBD_FOCAL_POINTS =
            TokenScope.of(List.of("co"), List.of("cbd", "nagoya"), List.of(RecordType.FOCAL_POINT));

    static RecordFacts facts(IRI iri, IRI type, List<String> treaties, List<String> countries) {
        ModelBuilder b = new ModelBuilder().subject(iri).add(RDF.TYPE, type);
        treaties.forEach(t -> b.add(CHM.treaty, ChmThesaurus.treaty(t)));
        countries.forEach(c -> b.add(CHM.country, ChmThesaurus.country(c)));
        Model model = b.build();
        return RecordFacts.of(model, iri);
    }

    @Test
    void factsAreExtractedFromTheRecord() {
        RecordFacts f = facts(FP_CO, CHM.FocalPoint, List.of("cbd", "nagoya"), List.of("co"));
        assertEquals(Optional.of(RecordType.FOCAL_POINT), f.type());
        assertEquals(Set.of("cbd", "nagoya"), f.treaties());
        assertEquals(Set.of("co"), f.countries());

        Model foreign = new ModelBuilder()
                .subject(FP_CO)
                .add(RDF.TYPE, CHM.FocalPoint)
                .add(CHM.country, Values.iri("http://example.org/countries/co"))
                .build();
        assertEquals(
                Set.of("http://example.org/countries/co"),
                RecordFacts.of(foreign, FP_CO).countries(),
                "a value outside the thesaurus stays a full IRI, so it never matches a code");
    }

    @Test
    void anEmptyScopeAllowsEverything() {
        assertTrue(TokenScope.ANY.allows(facts(NR_KE, CHM.NationalReport, List.of("cbd"), List.of("ke"))));
        assertTrue(TokenScope.ANY.allows(facts(ORG, CHM.Organization, List.of(), List.of())));
    }

    @Test
    void aCountryTokenWritesOnlyItsCountry() {
        assertTrue(COLOMBIA.allows(facts(FP_CO, CHM.FocalPoint, List.of("cbd"), List.of("co"))));
        Optional<String> kenya = COLOMBIA.refusal(facts(NR_KE, CHM.NationalReport, List.of("cbd"), List.of("ke")));
        assertEquals(Optional.of("its country ke is not among the token's countries [co]"), kenya);
        Optional<String> none = COLOMBIA.refusal(facts(ORG, CHM.Organization, List.of(), List.of()));
        assertTrue(none.orElseThrow().startsWith("it has no country"), none.toString());
        assertFalse(
                COLOMBIA.allows(facts(FP_CO, CHM.FocalPoint, List.of("cbd"), List.of("co", "ke"))),
                "every country of the record must be allowed");
    }

    @Test
    void treatiesAndTypesNarrowTheScope() {
        assertTrue(COLOMBIA_CBD_FOCAL_POINTS.allows(
                facts(FP_CO, CHM.FocalPoint, List.of("cbd", "nagoya"), List.of("co"))));
        assertEquals(
                Optional.of("its treaty cartagena is not among the token's treaties [cbd, nagoya]"),
                COLOMBIA_CBD_FOCAL_POINTS.refusal(
                        facts(FP_CO, CHM.FocalPoint, List.of("cbd", "cartagena"), List.of("co"))));
        assertEquals(
                Optional.of("its type national-report is not one of the token's types [focal-point]"),
                COLOMBIA_CBD_FOCAL_POINTS.refusal(facts(NR_KE, CHM.NationalReport, List.of("cbd"), List.of("co"))));
        TokenScope cbdOnly = TokenScope.of(List.of(), List.of("cbd"), List.of());
        assertTrue(
                cbdOnly.allows(facts(ORG, CHM.Organization, List.of(), List.of())),
                "EXCHANGE.md: each of the record's treaties must be allowed; a record without treaties has none to refuse");
        Model untyped = new ModelBuilder()
                .subject(FP_CO)
                .add(CHM.country, ChmThesaurus.country("co"))
                .build();
        assertFalse(COLOMBIA_CBD_FOCAL_POINTS.allows(RecordFacts.of(untyped, FP_CO)));
        assertTrue(COLOMBIA.allows(RecordFacts.of(untyped, FP_CO)), "types are not restricted");
    }

    @Test
    void malformedCodesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenScope.of(List.of("col"), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> TokenScope.of(List.of(), List.of("c b d"), List.of()));
        assertEquals("countries [co], treaties any, types any", COLOMBIA.toString());
    }
}
