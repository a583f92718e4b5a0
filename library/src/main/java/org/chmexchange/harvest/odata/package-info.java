/**
 * Protocol {@code odata}: the InforMEA OData API of an MEA secretariat, versions 1 to 4, JSON verbose,
 * v4 JSON or Atom, incrementally by {@code updated} where the service honours it, with periodic full
 * runs that delete what vanished (docs/INFORMEA.md).
 */
package org.chmexchange.harvest.odata;
