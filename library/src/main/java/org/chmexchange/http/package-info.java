/**
 * The one outbound HTTP client of CHM Exchange, on OkHttp 5: {@link org.chmexchange.http.HttpClients}
 * builds a shared, thread-safe {@link okhttp3.OkHttpClient} from immutable {@link
 * org.chmexchange.http.HttpSettings}; user agent, bearer tokens per host, politeness rate limit,
 * retry with backoff honouring {@code Retry-After}, conditional GET ({@link
 * org.chmexchange.http.Validators}) and DEBUG logging are interceptors, so harvesters and publishers
 * never sleep or set headers themselves. {@link org.chmexchange.http.PagingGuard} stops runaway paging
 * loops. Errors: {@link org.chmexchange.http.HttpStatusException} for an unacceptable status, {@link
 * org.chmexchange.http.PagingException} for a misbehaving pager, and {@link java.io.IOException} with
 * the request and the attempts in its message at the wire. Design note: {@code docs/HTTP.md}.
 */
package org.chmexchange.http;
