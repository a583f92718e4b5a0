/**
 * Publishing to a peer: {@link org.chmexchange.publish.Publisher} pushes this node's own changes to
 * a peer node's publishing API, at least once and idempotently, resuming from its saved position.
 */
package org.chmexchange.publish;
