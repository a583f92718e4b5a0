package org.chmexchange.node.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * The {@code thesaurusImport:} section: the CBD thesaurus imported by the running node on a schedule
 * (docs/CBD.md, "Thesaurus import"), as {@code chm-node thesaurus import cbd} does once.
 *
 * <pre>{@code
 * thesaurusImport:
 *   url: https://api.cbd.int/        # the CBD API base; required
 *   domains: [GBF-TARGETS, countries] # default: every domain of CbdThesaurusImport.DEFAULT_DOMAINS
 *   schedule: P7D                    # time between imports (ISO 8601, above zero); required
 * }</pre>
 *
 * @param url the CBD API base, absolute http(s)
 * @param domains the domains; empty for the default list
 * @param schedule the time between the end of an import and the next; the first runs one second after
 *     the node starts
 */
public record ThesaurusImportConfig(String url, List<String> domains, Duration schedule) {

    /** @throws IllegalArgumentException naming the bad value */
    public ThesaurusImportConfig {
        url = Checks.url("thesaurusImport", url);
        domains = domains == null ? List.of() : List.copyOf(domains);
        for (String d : domains) {
            if (d == null || d.isBlank()) {
                throw new IllegalArgumentException("thesaurusImport domains has a blank domain");
            }
        }
        if (schedule == null || schedule.isZero() || schedule.isNegative()) {
            throw new IllegalArgumentException(
                    "thesaurusImport needs a schedule longer than zero (ISO 8601, e.g. P7D)");
        }
    }

    /** Binds the YAML keys. */
    @JsonCreator
    static ThesaurusImportConfig fromYaml(
            @JsonProperty("url") String url,
            @JsonProperty("domains") List<String> domains,
            @JsonProperty("schedule") Duration schedule) {
        return new ThesaurusImportConfig(url, domains, schedule);
    }
}
