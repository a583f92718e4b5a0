package org.chmexchange.harvest.oai;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One OAI-PMH response as the harvester reads it (OAI-PMH 2.0 section 3.2): its date, its errors,
 * the records of a {@code ListRecords} or {@code GetRecord}, the resumption token, the elements of
 * an {@code Identify}.
 *
 * @param responseDate the {@code responseDate}; never null
 * @param errors the {@code error} elements, in order; empty for a successful answer
 * @param records the records, in order
 * @param resumptionToken the {@code resumptionToken}'s text: null if the element is absent, empty
 *     for the last page of a list
 * @param identify the text of each child of {@code Identify} (the first of each name); empty for
 *     other verbs
 */
record OaiResponse(
        Instant responseDate,
        List<Error> errors,
        List<Item> records,
        String resumptionToken,
        Map<String, String> identify) {

    OaiResponse {
        errors = List.copyOf(errors);
        records = List.copyOf(records);
        identify = Map.copyOf(identify);
    }

    /** The next page's token, if the list goes on. */
    Optional<String> next() {
        return resumptionToken == null || resumptionToken.isBlank()
                ? Optional.empty()
                : Optional.of(resumptionToken.trim());
    }

    /** Whether the only error is {@code code}. */
    boolean isOnly(String code) {
        return errors.size() == 1 && errors.get(0).code().equals(code);
    }

    /** An OAI-PMH error (section 3.6). */
    record Error(String code, String message) {}

    /**
     * One record: its header and, unless deleted, its metadata element.
     *
     * @param identifier the unique identifier of the item
     * @param datestamp the header's datestamp
     * @param deleted whether the header has {@code status="deleted"}
     * @param sets the header's {@code setSpec}s
     * @param metadata the one child element of {@code metadata}, as a UTF-8 XML document (with
     *     every namespace it uses declared); null for a deleted record
     */
    record Item(String identifier, Instant datestamp, boolean deleted, List<String> sets, byte[] metadata) {
        Item {
            sets = List.copyOf(sets);
        }
    }
}
