/**
 * The InforMEA OData API served from a record store ({@link org.chmexchange.odata.InformeaProvider}):
 * OData V2 on Apache Olingo 2, the entity types of the InforMEA toolkit and spec, and a tombstone
 * entity set. {@code org.chmexchange.odata.internal} holds the entity data model, the request
 * processor and the row rules; it is not API.
 */
package org.chmexchange.odata;
