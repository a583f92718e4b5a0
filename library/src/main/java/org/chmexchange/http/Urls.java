package org.chmexchange.http;

import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/** URLs as they may appear in logs and exception messages: without credentials. */
final class Urls {

    /** Query parameter names (lower case) whose values are secrets. */
    private static final Set<String> SECRET_PARAMETERS = Set.of(
            "access_token",
            "api_key",
            "apikey",
            "api-key",
            "auth",
            "authorization",
            "client_secret",
            "code",
            "id_token",
            "key",
            "password",
            "passwd",
            "pwd",
            "refresh_token",
            "secret",
            "session",
            "sessionid",
            "sig",
            "signature",
            "token");

    static final String REDACTED = "REDACTED";

    private Urls() {}

    /**
     * @param url a request URL; not null
     * @return the URL without user name and password, and with the values of query parameters that
     *     usually carry secrets (token, access_token, api_key, key, password, signature, ...) replaced by
     *     {@value #REDACTED}; other parameters (cursors, resumption tokens, filters) are kept
     */
    static String forLog(HttpUrl url) {
        HttpUrl.Builder builder = url.newBuilder().username("").password("");
        if (url.querySize() > 0) {
            builder.query(null);
            for (int i = 0; i < url.querySize(); i++) {
                String name = url.queryParameterName(i);
                String value = url.queryParameterValue(i);
                if (value != null && SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                    value = REDACTED;
                }
                builder.addQueryParameter(name, value);
            }
        }
        return builder.build().toString();
    }
}
