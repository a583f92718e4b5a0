/**
 * Rules shared by the mappers of foreign formats (the CBD's JSON, InforMEA's OData): reading JSON
 * fields leniently, and turning the free-text values those feeds send (URLs, e-mail addresses,
 * telephone numbers, identifiers) into the IRIs and ids of the common format. One rule, one place:
 * the CBD mapper and the InforMEA mapper both use these.
 */
package org.chmexchange.mapping;
