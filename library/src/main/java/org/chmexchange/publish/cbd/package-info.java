/**
 * The publish target {@code protocol: cbd}: national records submitted to the CBD clearing-house as
 * drafts through its v2023 API (docs/CBD.md, "Submitting"). Public: {@link
 * org.chmexchange.publish.cbd.CbdPublishChannelFactory}.
 */
package org.chmexchange.publish.cbd;
