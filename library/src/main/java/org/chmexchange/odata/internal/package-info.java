/** Internals of {@link org.chmexchange.odata}: not API, may change without notice. */
package org.chmexchange.odata.internal;
