/**
 * InforMEA's OData API (INCUMBENTS.md part B 1) and the common format: its entity sets ({@link
 * org.chmexchange.informea.InformeaEntitySet}), its multilingual {@code [{language, value}]} lists
 * ({@link org.chmexchange.informea.LocalizableStrings}), its treaty identifiers and names ({@link
 * org.chmexchange.informea.InformeaTreaties}) and the mapping of its rows to records ({@link
 * org.chmexchange.informea.InformeaMapper}). The OData harvester ({@code org.chmexchange.harvest.odata})
 * reads feeds with it (docs/INFORMEA.md).
 */
package org.chmexchange.informea;
