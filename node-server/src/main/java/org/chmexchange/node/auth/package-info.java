/**
 * Who may write to the node (docs/EXCHANGE.md, "Publishing API"): bearer tokens configured as
 * SHA-256 digests ({@link org.chmexchange.node.auth.Tokens}), each with a
 * {@link org.chmexchange.node.auth.TokenScope} of countries, treaties and record types. The tokens
 * themselves are never stored or logged.
 */
package org.chmexchange.node.auth;
