package org.chmexchange.harvest.cbd;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One request to the CBD index, {@code GET /api/v2013/index/select} (INCUMBENTS.md part A 1.5): a
 * value with a validated {@link #toUrl}.
 *
 * @param q the whole query, filters joined with {@code AND} (the form SCBD's own connectors send);
 *     not blank
 * @param fl the fields to return, comma-separated; null for every stored field
 * @param sort the sort, such as {@code updatedDate_dt asc, id asc}; not null
 * @param start the offset, at least 0
 * @param rows the page size, 1 to 10,000
 */
record IndexSelect(String q, String fl, String sort, int start, int rows) {

    /** Path of the select endpoint, under the API base. */
    static final String PATH = "api/v2013/index/select";

    IndexSelect {
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("An index query needs q");
        }
        Objects.requireNonNull(sort, "sort");
        if (start < 0 || rows < 1 || rows > 10_000) {
            throw new IllegalArgumentException(
                    "start must be at least 0 and rows from 1 to 10000: " + start + ", " + rows);
        }
    }

    /** The request URL under the API {@code base} (such as {@code https://api.cbd.int/}). */
    HttpUrl toUrl(HttpUrl base) {
        HttpUrl.Builder b = base.newBuilder()
                .addPathSegments(PATH)
                .addQueryParameter("q", q)
                .addQueryParameter("sort", sort)
                .addQueryParameter("start", Integer.toString(start))
                .addQueryParameter("rows", Integer.toString(rows))
                .addQueryParameter("wt", "json");
        if (fl != null) {
            b.addQueryParameter("fl", fl);
        }
        return b.build();
    }
}
