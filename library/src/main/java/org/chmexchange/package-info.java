/** CHM Exchange library: the root exception. Sub-packages hold the API by concern. */
package org.chmexchange;
