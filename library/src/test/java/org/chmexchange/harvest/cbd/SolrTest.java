package org.chmexchange.harvest.cbd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Solr escaping and the index request URL (table-driven, ARCHITECTURE.md lesson 7). */
class SolrTest {

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "chm => chm",
                "2024-01-31T12:00:00.000Z => 2024\\-01\\-31T12\\:00\\:00.000Z",
                "a b => a\\ b",
                "(x) => \\(x\\)",
                "[1 TO 2] => \\[1\\ TO\\ 2\\]",
                "a&&b||c => a\\&\\&b\\|\\|c",
                "\"q\"~2^3 => \\\"q\\\"\\~2\\^3",
                "*? => \\*\\?",
                "a/b\\c => a\\/b\\\\c",
                "!+- => \\!\\+\\-",
                "{x}: => \\{x\\}\\:"
            })
    void everySpecialCharacterIsEscaped(String value, String escaped) {
        assertEquals(escaped, Solr.escape(value));
    }

    @Test
    void datesAreWrittenWithMillisecondsInUtc() {
        assertEquals("2024\\-01\\-31T12\\:00\\:00.000Z", Solr.date(Instant.parse("2024-01-31T12:00:00Z")));
        assertEquals("2024\\-01\\-31T12\\:00\\:00.120Z", Solr.date(Instant.parse("2024-01-31T12:00:00.12Z")));
    }

    @Test
    void anyOfJoinsEscapedValuesWithOr() {
        assertEquals("schema_s:(nationalReport6 OR a\\ b)", Solr.anyOf("schema_s", List.of("nationalReport6", "a b")));
    }

    @Test
    void theRequestUrlCarriesEveryParameter() {
        HttpUrl url = new IndexSelect("NOT version_s:* AND realm_ss:chm", "id,schema_s", "id asc", 0, 500)
                .toUrl(HttpUrl.get("https://api.cbd.int/"));
        assertEquals("/api/v2013/index/select", url.encodedPath());
        assertEquals("NOT version_s:* AND realm_ss:chm", url.queryParameter("q"));
        assertEquals("id,schema_s", url.queryParameter("fl"));
        assertEquals("id asc", url.queryParameter("sort"));
        assertEquals("0", url.queryParameter("start"));
        assertEquals("500", url.queryParameter("rows"));
        assertEquals("json", url.queryParameter("wt"));
        HttpUrl proxied = new IndexSelect("x", null, "id asc", 10, 5).toUrl(HttpUrl.get("https://chm.cbd.int/"));
        assertEquals(
                "https://chm.cbd.int/api/v2013/index/select?q=x&sort=id%20asc&start=10&rows=5&wt=json",
                proxied.toString());
    }
}
