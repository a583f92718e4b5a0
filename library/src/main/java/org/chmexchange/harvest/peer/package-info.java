/** Protocol {@code peer}: another CHM Exchange node, read through its change feed. */
package org.chmexchange.harvest.peer;
