/** Reading XML from outside: the hardened StAX factory every untrusted document goes through. */
package org.chmexchange.xml;
